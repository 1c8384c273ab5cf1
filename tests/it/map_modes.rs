//! The map's modes as a player reads them: what each marks (by texture
//! and tag, the powers' colours checked cell by cell), its legend, what a
//! selected action picks out, what a selected country says; at 120×40 and
//! 80×24.

use std::path::PathBuf;

use multivector::content;
use multivector::map::{CorridorStatus, MapView, MapWidget, Mark, Tag, Texture, Zoom as MapZoom};
use multivector::rules::defs::ScenarioDef;
use multivector::rules::{Book, Game, Raw};
use multivector::ui::app::{App, Launch, Options};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

fn standard(book: &Book, turns: u32) -> ScenarioDef<Raw> {
    let mut s = book.scenario("standard").unwrap().clone();
    s.turns = Some(turns);
    s
}

fn playing(country: &str, seed: u64) -> App {
    let book = content::builtin().unwrap();
    let game = Game::new(&book, standard(&book, 24), Some(country), seed).unwrap();
    let opts = Options {
        save_dir: PathBuf::from("/nonexistent/multivector-test-saves"),
        ascii: false,
        color: true,
        seed_hint: 42,
    };
    App::new(book, Launch::Play(Box::new(game)), &opts)
}

fn press(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(app, f.area())).unwrap();
    t
}

fn text(t: &Terminal<TestBackend>) -> String {
    rows(t.backend().buffer()).join("\n")
}

/// The screen's words in order within columns `x0..x1`, borders and line
/// breaks dropped: a text wrapped over several rows of one panel reads whole.
fn words(s: &str, x0: usize, x1: usize) -> String {
    s.lines()
        .map(|l| l.chars().skip(x0).take(x1 - x0).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
        .split(|c: char| c.is_whitespace() || "│┃║".contains(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

const ALL_CORRIDORS: &[(&str, CorridorStatus)] = &[
    ("middle_corridor", CorridorStatus::Open),
    ("cpc_pipeline", CorridorStatus::Blocked),
    ("china_gas_pipeline", CorridorStatus::Building),
    ("trans_caspian_pipeline", CorridorStatus::Planned),
    ("cku_railway", CorridorStatus::Building),
];

fn view(player: &str, zoom: MapZoom) -> MapView<'_> {
    MapView {
        player,
        zoom,
        proximity: [70.0, 45.0, 20.0, 35.0],
        corridors: ALL_CORRIDORS,
        event_place: Some("aktau"),
        ascii: false,
        color: true,
        ..Default::default()
    }
}

fn render(view: MapView, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    MapWidget { view }.render(buf.area, &mut buf);
    buf
}

fn terminal(view: MapView, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(width, height)).unwrap();
    t.draw(|f| f.render_widget(MapWidget { view }, f.area()))
        .unwrap();
    t
}

fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (a.top()..a.bottom())
        .map(|y| {
            (a.left()..a.right())
                .map(|x| buf[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// The map modes in the order `m` goes through them, with a word each
/// mode's legend holds.
const MODES: [(&str, &str); 7] = [
    ("closeness", "close (60+)"),
    ("security", "Security leader:"),
    ("trade", "Trade leader:"),
    ("transit", "Transit & energy leader:"),
    ("finance", "Finance leader:"),
    ("culture", "Culture & information leader:"),
    ("corridors", "Corridors:"),
];

#[test]
fn each_map_mode_with_its_legend() {
    let mut app = playing("kazakhstan", 7);
    press(&mut app, KeyCode::Tab); // the preview
    press(&mut app, KeyCode::Tab); // the map: Kazakhstan selected
    let mut screens = Vec::new();
    for (name, legend) in MODES {
        for (w, h) in [(120, 40), (80, 24)] {
            let t = draw(&app, w, h);
            let s = text(&t);
            assert!(s.contains(legend), "{name} at {w}x{h}: no `{legend}`:\n{s}");
            assert!(s.contains("Kazakhstan — you"), "{name} at {w}x{h}:\n{s}");
            insta::assert_snapshot!(format!("map_{name}_{w}x{h}"), t.backend());
            if w == 120 {
                screens.push(s);
            }
        }
        keys(&mut app, "m");
    }
    // Back to the first mode; and no two modes look alike.
    assert_eq!(
        app.play.as_ref().unwrap().map_mode,
        multivector::ui::widgets::map_panel::MapMode::Closeness
    );
    for (i, a) in screens.iter().enumerate() {
        for b in &screens[i + 1..] {
            assert_ne!(a, b);
        }
    }
}

/// A map mode drawn alone: the widget, its buffer.
fn map_buffer(mode: multivector::ui::widgets::map_panel::MapMode) -> ratatui::buffer::Buffer {
    use multivector::ui::theme::Theme;
    use multivector::ui::widgets::map_panel::{MapPanel, map_panel};
    let book = content::builtin().unwrap();
    let game = Game::new(&book, standard(&book, 24), Some("kazakhstan"), 7).unwrap();
    let area = ratatui::layout::Rect::new(0, 0, 60, 20);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    map_panel(
        MapPanel {
            state: game.state(),
            book: &book,
            theme: &Theme::new(true, false),
            zoom: MapZoom::Region,
            mode,
            selected: None,
            event_place: None,
            highlight: &[],
            focused: false,
        },
        area,
        &mut buf,
    );
    buf
}

#[test]
fn the_modes_mark_by_texture_and_by_the_powers_colours() {
    use multivector::map::atlas;
    use multivector::rules::{Domain, Power};
    use multivector::ui::widgets::map_panel::{MapMode, power_color, power_texture};
    // Security: Russia leads Kazakhstan's (60%): the Russia texture in
    // Russia's colour fills it, and its tag says so.
    let buf = map_buffer(MapMode::Domain(Domain::Security));
    let tex = power_texture(Power::Russia).sample(false).to_string();
    let russia = power_color(Power::Russia);
    let painted = buf
        .content()
        .iter()
        .filter(|c| c.symbol() == tex && c.fg == russia)
        .count();
    assert!(
        painted > 20,
        "{painted} cells of Russia's texture in its colour"
    );
    let all: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(all.contains("R60"), "the tag of the leader");
    // Trade: the EU leads (30%): its own texture and colour.
    let buf = map_buffer(MapMode::Domain(Domain::Trade));
    let tex = power_texture(Power::Eu).sample(false).to_string();
    let eu = power_color(Power::Eu);
    assert!(
        buf.content()
            .iter()
            .any(|c| c.symbol() == tex && c.fg == eu),
        "the EU's texture in its colour"
    );
    let all: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(all.contains("E30"), "the tag of the leader");
    // Closeness: Russia (62, close) in its colour, China (52) in its own.
    let buf = map_buffer(MapMode::Closeness);
    for p in [Power::Russia, Power::China] {
        assert!(
            buf.content().iter().any(|c| c.fg == power_color(p)),
            "{p:?}'s territory in its colour"
        );
    }
    // Corridors: the corridor texture where a corridor runs.
    let buf = map_buffer(MapMode::Corridors);
    let orange = multivector::ui::widgets::map_panel::corridor_color();
    assert!(buf.content().iter().any(|c| c.fg == orange));
    assert!(
        atlas()
            .corridor_countries("cpc_pipeline")
            .contains(&"kazakhstan")
    );
}

#[test]
fn selecting_an_action_picks_out_its_capital_and_corridor() {
    use multivector::ui::widgets::map_panel::action_places;
    let book = content::builtin().unwrap();
    let places = action_places(&book, book.action_id("middle_corridor").unwrap());
    assert!(
        places.contains(&"middle_corridor".to_string()),
        "{places:?}"
    );
    let visit = action_places(&book, book.action_id("visit_ankara").unwrap());
    assert_eq!(visit, vec!["ankara".to_string()]);
    // On screen: the corridor named, picked out, while the action is selected.
    let mut app = playing("kazakhstan", 7);
    let i = app
        .book
        .actions
        .iter()
        .position(|a| a.id == "middle_corridor")
        .unwrap();
    app.play.as_mut().unwrap().selected = i;
    let s = text(&draw(&app, 200, 60));
    assert!(s.contains("Middle Corridor planned"), "{s}");
    // Not while another action is selected.
    app.play.as_mut().unwrap().selected = 0;
    let s = text(&draw(&app, 200, 60));
    assert!(!s.contains("Middle Corridor planned"), "{s}");
}

#[test]
fn a_selected_country_gives_its_relation_shares_and_corridors() {
    let mut app = playing("kazakhstan", 7);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    // Kazakhstan itself: its shares now, and its corridors, page by page.
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&words(&text(&draw(&app, 80, 24)), 0, 46));
        press(&mut app, KeyCode::PageDown);
    }
    for want in [
        "Kazakhstan — you (capital Astana)",
        "Shares now:",
        "Security: Russia ▲60 · China 5",
        "Corridors: ",
        "CPC pipeline (open)",
    ] {
        assert!(seen.contains(want), "no `{want}` in {seen}");
    }
    press(&mut app, KeyCode::Home);
    // A neighbour: its shares as they started, not followed.
    let ids = multivector::ui::widgets::map_panel::countries_in_view(MapZoom::Region);
    let uz = ids.iter().position(|c| *c == "uzbekistan").unwrap();
    app.play.as_mut().unwrap().map_selected = uz;
    let s = words(&text(&draw(&app, 120, 40)), 41, 81);
    assert!(s.contains("Uzbekistan — borders you"), "{s}");
    assert!(s.contains("Shares at the start of play"), "{s}");
    // A power: its relation whole, never cut at the panel's edge.
    let ru = ids.iter().position(|c| *c == "russia").unwrap();
    app.play.as_mut().unwrap().map_selected = ru;
    let s = words(&text(&draw(&app, 80, 24)), 0, 46);
    assert!(
        s.contains("Russia — Russia: closeness 62, tolerance 40, ladder calm; borders you"),
        "{s}"
    );
}

/// Kazakhstan marked alone with `tex`, in `color` (or without colours).
fn marked(tex: Texture, color: Option<Color>, ascii: bool) -> Buffer {
    let marks = [Mark {
        country: "kazakhstan",
        texture: tex,
        color: color.unwrap_or(Color::Red),
    }];
    let mut v = view("kazakhstan", MapZoom::Region);
    v.plain_player = true;
    v.hide_ties = true;
    v.corridors = &[];
    v.event_place = None;
    v.marks = &marks;
    v.color = color.is_some();
    v.ascii = ascii;
    render(v, 80, 24)
}

#[test]
fn marked_countries_show_their_texture_in_their_colour() {
    let blue = Color::Rgb(0, 114, 178);
    for tex in Texture::ALL {
        let buf = marked(tex, Some(blue), false);
        let sample = tex.sample(false).to_string();
        let n = buf
            .content()
            .iter()
            .filter(|c| c.symbol() == sample && c.fg == blue)
            .count();
        assert!(n > 30, "{tex:?}: {n} cells of {sample}");
    }
    // Without colour, the textures still differ by their dots.
    let mut seen = Vec::new();
    for tex in Texture::ALL {
        let buf = marked(tex, None, false);
        assert!(buf.content().iter().all(|c| c.fg == Color::Reset));
        let text = rows(&buf).join("\n");
        assert!(!seen.contains(&text), "{tex:?} looks like another texture");
        seen.push(text);
    }
    // In ASCII, each texture has its own character.
    for tex in Texture::ALL {
        let text = rows(&marked(tex, None, true)).join("");
        let ch = tex.sample(true);
        assert!(text.matches(ch).count() > 10, "{tex:?}: {ch}");
    }
}

#[test]
fn tags_go_at_a_country_or_beside_its_powers_arrow() {
    let tags = [
        Tag {
            country: "kazakhstan",
            text: "R60",
            color: Color::Red,
        },
        Tag {
            country: "belgium",
            text: "42",
            color: Color::Red,
        },
    ];
    let mut v = view("kazakhstan", MapZoom::Region);
    v.tags = &tags;
    let text = rows(&render(v, 120, 40)).join("\n");
    assert!(text.contains("R60"), "{text}");
    // Brussels is out of the region's view: the EU's arrow carries its tag.
    assert!(text.contains("EU 42"), "{text}");
}

#[test]
fn picked_out_corridors_are_named_and_capitals_reversed() {
    let mut v = view("kazakhstan", MapZoom::Eurasia);
    v.highlight = &["middle_corridor", "ankara"];
    let buf = render(v, 200, 60);
    let text = rows(&buf).join("\n");
    assert!(text.contains("Middle Corridor open"), "{text}");
    let (y, line) = rows(&buf)
        .into_iter()
        .enumerate()
        .find(|(_, l)| l.contains("Ankara"))
        .unwrap();
    let x = line
        .chars()
        .take_while(|_| true)
        .collect::<String>()
        .find("Ankara")
        .unwrap();
    let col = line[..x].chars().count() as u16;
    assert!(
        buf[(col, y as u16)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "Ankara picked out"
    );
}

#[test]
fn snapshot_modes_at_80x24() {
    // The small layout's map: a domain mode and the corridors, marked.
    let marks = [
        Mark {
            country: "kazakhstan",
            texture: Texture::Rows,
            color: Color::Rgb(0, 114, 178),
        },
        Mark {
            country: "uzbekistan",
            texture: Texture::Ticks,
            color: Color::Rgb(213, 94, 0),
        },
    ];
    let tags = [Tag {
        country: "kazakhstan",
        text: "R60",
        color: Color::Rgb(0, 114, 178),
    }];
    let mut v = view("kazakhstan", MapZoom::Region);
    v.marks = &marks;
    v.tags = &tags;
    v.plain_player = true;
    v.hide_ties = true;
    insta::assert_snapshot!(terminal(v, 34, 8).backend());
}
