//! Help: every key, from the keymap, and a glossary of the article's ideas.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::ui::app::App;
use crate::ui::keymap::{BINDINGS, Ctx, Msg, key};
use crate::ui::theme::Theme;
use crate::ui::widgets::{footer, panel, popup, scroll_limit};

/// The article's concepts: (term, definition, a quote from the article).
pub const GLOSSARY: &[(&str, &str, &str)] = &[
    (
        "Strategic hedging",
        "Engaging several powers at once so that no one of them can command you.",
        "Such “strategic hedging” obviates obedience to any single bloc, instead leveraging the overall system’s recursive entanglements for national-interest advantage.",
    ),
    (
        "Multi-vector policy",
        "A foreign policy with several directions at once: Moscow, Beijing, Ankara, Brussels. In the game, every power you court is a vector.",
        "Turkey’s return to Europe showcases a successful strategy of multidirectional engagement.",
    ),
    (
        "Demonstration effect",
        "A neighbour's success shows what is possible: Turkey turning its peripheral status into centrality.",
        "Turkey’s geopolitical normalization with Europe presents a “demonstration effect”.",
    ),
    (
        "Coupling interface",
        "A link between two loosely joined systems. In the game, closeness to Turkey counts toward access to Europe in proportion to Turkey–EU coupling.",
        "Turkey serves as a coupling interface between two loosely integrated subsystems — Europe and Central Asia.",
    ),
    (
        "Asymmetric dependence",
        "Relying on one power far more than it relies on you. In the game: a share of a domain over 50% (marked ▲) costs autonomy.",
        "For the Central Asian states, afflicted by asymmetric dependencies on Russia…",
    ),
    (
        "Relative autonomy",
        "Not independence from everyone, but room to choose: high when no domain is dominated by one power, and lower for every door you let close (a power's closeness fallen below where it stood, from 60 down).",
        "In a world of connectivity and relative rather than absolute autonomy, proximity is still an underestimated resource.",
    ),
    (
        "Leverage",
        "Your ability to make powers compete for you: their stake in you, your transit routes and resources, your place as a bridge, less a penalty for embracing one power, plus a fading bonus when powers back down or you refuse an offer. The leverage gauge opens into these parts: stakes, assets (routes and resources), bridge, embrace (a penalty, taken off), bonus.",
        "Russia’s declining leverage, compounded by Western sanctions and the vitiation of its own forces in Ukraine, creates space for new actors to assert influence.",
    ),
    (
        "Proximity and tolerance",
        "Proximity is how close a power is to you (0–100). Tolerance is how much drift toward its rivals it accepts; strain past tolerance makes it react. On small screens the powers table shows patience: tolerance minus strain, below zero the power reacts.",
        "proximity to Turkey now means potential proximity to Europe.",
    ),
    (
        "Crisis ladder",
        "A power reacts one step at a time: protest → warning → pressure → coercion. At each step you back down (give way, and the matter drops) or hold (risk the next step; if it backs down, you gain leverage). The odds that it backs down are shown when you choose: a power with more strength behind it backs down less.",
        "",
    ),
    (
        "The powers' moves",
        "Each quarter a power gains initiative (more when it is strong) and spends it on what it wants most from you: an offer you take or refuse, pressure (migrant checks, transit inspections, a debt call), or a counter to a rival's gain. What an offer gives binds a share of a domain to that power for good, so taking every offer ends in dependence where the powers bid most; a refusal tells the other powers you have suitors (a leverage bonus that fades). The news says what each did and why.",
        "",
    ),
    (
        "Strain",
        "A power's irritation at your drift toward its rivals: it rises when a rival gains closeness to you (and with some actions and events), and fades by a fifth every turn. Past the power's tolerance, it climbs its crisis ladder.",
        "",
    ),
    (
        "Patience",
        "Tolerance minus strain: the room left before a power reacts. Below zero, it reacts when the turn ends.",
        "",
    ),
    (
        "Structural pull",
        "Geography and habit pull dependence back: a share moved by visits, deals or events drifts back a point a turn toward its structural level. Only what is built (a completed corridor, pipeline or rail project) or what binds (an offer taken, a loan, a base) moves the structure itself, so its changes last. Previews say which changes fade and which last.",
        "",
    ),
    (
        "Turkey–EU coupling",
        "How far Turkey is tied into Europe's security, energy and market architecture (0–100). Your access to Europe is your EU closeness plus coupling × your Turkey closeness, and your worth as a bridge rises and falls with it. Coupling is pulled toward what EU cohesion, Turkey's standing, its overextension and US attention allow, with chance: it can open, and it can stall.",
        "proximity to Turkey now means potential proximity to Europe.",
    ),
    (
        "Situations",
        "Standing conditions of the world (a Russian slump, EU paralysis, Turkish overstretch, coupling momentum, domestic unrest) that begin past one threshold and end only past another, acting every turn in between. The World panel shows those in force and how near the others are.",
        "",
    ),
    (
        "Customs-union track",
        "The EU–Turkey customs union talks move stage by stage; concluded, they tie Turkey closer to Europe; stalled, they set coupling back.",
        "Europe has noticed. The readjustment of its view of Turkey is evident through invitations to summits with key EU players, overtures from German and Polish leaders, and discussions around deepening the customs union.",
    ),
    (
        "Diplomatic capital",
        "Spent on actions, refilled every turn. At most a few points carry over to the next turn (the Scores panel says how many): what is left above that is lost.",
        "",
    ),
    (
        "The endings",
        "Judged on the mean of the last four turns, unless the state collapses first. Each state has its own bar of autonomy and leverage for the best ending. The Goals panel lists what yours needs and how near the bad ones are, with the values now; the end screen says which held.",
        "",
    ),
    (
        "Overextension",
        "A power that reaches too far loses its pull. Turkey can overplay its hand; then its tie to Europe is worth less to you.",
        "Should the EU fragment further, or should Ankara overplay its hand, the momentum could stall.",
    ),
];

fn key_lines(t: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Keys", t.heading())];
    for b in BINDINGS.iter().filter(|b| !b.help.is_empty()) {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>6}  ", b.label), t.key()),
            Span::raw(b.help),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "The mouse: click an action to select it, again to plan it (or take it back).",
        t.dim(),
    ));
    lines
}

fn glossary_lines(t: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("The article's ideas", t.heading())];
    for (term, def, quote) in GLOSSARY {
        lines.push(Line::from(vec![
            Span::styled(format!("{term}: "), t.title()),
            Span::raw(*def),
        ]));
        if !quote.is_empty() {
            lines.push(Line::styled(format!("  “{quote}”"), t.quote()));
        }
    }
    lines
}

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let rect = area.inner(ratatui::layout::Margin::new(2, 1));
    let title = format!(
        "Help — {} {} {} scroll, {} back",
        key(Msg::Up),
        key(Msg::Down),
        key(Msg::PageDown),
        key(Msg::Back)
    );
    let inner = popup(t, &title, rect, buf);
    let [body, keys] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    if body.width >= 110 {
        let [left, right] =
            Layout::horizontal([Constraint::Length(52), Constraint::Fill(1)]).areas(body);
        // The two columns scroll together, each until its end shows.
        let block = panel(t, "", false).borders(ratatui::widgets::Borders::RIGHT);
        let keys_area = block.inner(left);
        block.render(left, buf);
        let keys_text = Paragraph::new(key_lines(t)).wrap(Wrap { trim: false });
        let keys_limit = scroll_limit(keys_text.line_count(keys_area.width), keys_area.height);
        keys_text
            .scroll((scroll.min(keys_limit), 0))
            .render(keys_area, buf);
        let area = right.inner(ratatui::layout::Margin::new(1, 0));
        let text = Paragraph::new(glossary_lines(t)).wrap(Wrap { trim: true });
        let limit = scroll_limit(text.line_count(area.width), area.height);
        app.scroll_limit.set(limit.max(keys_limit));
        app.scroll_page.set(area.height);
        text.scroll((scroll.min(limit), 0)).render(area, buf);
    } else {
        let mut lines = key_lines(t);
        lines.push(Line::raw(""));
        lines.extend(glossary_lines(t));
        let text = Paragraph::new(lines).wrap(Wrap { trim: false });
        app.scroll_limit
            .set(scroll_limit(text.line_count(body.width), body.height));
        app.scroll_page.set(body.height);
        text.scroll((scroll, 0)).render(body, buf);
    }
    footer(t, Ctx::Help, keys, buf);
}
