//! What the map marks in each mode: the powers' territories by the
//! player's closeness, each known state by the power leading a domain, the
//! countries the corridors pass through by their status; by texture and
//! tag, not colour alone; and each mode's legend. Also what an action
//! touches on the map.

use ratatui::style::Color;
use ratatui::text::{Line, Span};

use super::map_panel::{corridor_color, map_power, power_color};
use crate::map::{self, Texture};
use crate::rules::defs::Effect;
use crate::rules::{ActionId, Book, CorridorStatus, Domain, Power, State};
use crate::ui::theme::Theme;

/// How the map marks the countries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MapMode {
    /// The powers' territories by the player's closeness to them.
    #[default]
    Closeness,
    /// Each state whose dependence is known, by the power that leads in a domain.
    Domain(Domain),
    /// The countries the corridors pass through, by the corridors' status.
    Corridors,
}

impl MapMode {
    pub fn next(self) -> MapMode {
        match self {
            MapMode::Closeness => MapMode::Domain(Domain::ALL[0]),
            MapMode::Domain(d) => match Domain::ALL.get(d.index() + 1) {
                Some(n) => MapMode::Domain(*n),
                None => MapMode::Corridors,
            },
            MapMode::Corridors => MapMode::Closeness,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MapMode::Closeness => "closeness",
            MapMode::Domain(d) => d.name(),
            MapMode::Corridors => "corridors",
        }
    }
}

/// The texture marking a closeness band: close, middling, distant.
pub fn closeness_texture(proximity: f64) -> Texture {
    if proximity >= 60.0 {
        Texture::Rows
    } else if proximity >= 30.0 {
        Texture::Diagonal
    } else {
        Texture::Sparse
    }
}

/// The texture of a power leading a domain.
pub fn power_texture(p: Power) -> Texture {
    match p {
        Power::Russia => Texture::Rows,
        Power::China => Texture::Ticks,
        Power::Turkey => Texture::Diagonal,
        Power::Eu => Texture::Lattice,
    }
}

/// The texture of the countries a corridor in this status passes through.
pub fn corridor_texture(s: CorridorStatus) -> Texture {
    match s {
        CorridorStatus::Open => Texture::Rows,
        CorridorStatus::Building => Texture::Diagonal,
        CorridorStatus::Planned => Texture::Sparse,
        CorridorStatus::Blocked => Texture::Ticks,
    }
}

/// The power leading a domain in a share vector, with its share.
pub fn leader(shares: [u8; 5]) -> (Power, u8) {
    Power::ALL
        .into_iter()
        .map(|p| (p, shares[p.index()]))
        .fold(
            (Power::Russia, 0),
            |best, x| if x.1 > best.1 { x } else { best },
        )
}

/// A state's shares of a domain: the player's now, another's at the start
/// of play (from its profile); `None` where the game does not know them.
pub fn known_shares(state: &State, book: &Book, id: &str, d: Domain) -> Option<[u8; 5]> {
    if id == book.country(state.country()).id {
        return Some(state.shares(d).row());
    }
    book.country_named(id).map(|c| c.dependence.get(d).row())
}

/// The capitals and corridors an action touches: its power's capital, and
/// the corridors its effects build or open.
pub fn action_places(book: &Book, id: ActionId) -> Vec<String> {
    let a = book.action(id);
    let mut out = Vec::new();
    if let Some(p) = a.power
        && let Some(c) = map::atlas().power_capital(map_power(p))
    {
        out.push(c.id.clone());
    }
    for e in a.effects.iter().chain(&a.each_turn).chain(&a.on_complete) {
        if let Effect::Corridor(c, _) = e {
            let key = book.corridor_key(*c).to_string();
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
    out
}

/// What a mode marks: textures, tags, and which of the usual layers it
/// leaves out.
pub struct Marking {
    pub marks: Vec<(String, Texture, Color)>,
    pub tags: Vec<(String, String, Color)>,
    pub plain_player: bool,
    pub hide_ties: bool,
    pub corridor_labels: bool,
}

/// The countries of a power's territory on the map.
fn territory(p: Power) -> Vec<String> {
    map::atlas()
        .power_territory(map_power(p))
        .map(|c| c.id.clone())
        .collect()
}

/// What `mode` marks on the map for this game.
pub fn marking(state: &State, book: &Book, mode: MapMode) -> Marking {
    let mut m = Marking {
        marks: Vec::new(),
        tags: Vec::new(),
        plain_player: false,
        hide_ties: false,
        corridor_labels: false,
    };
    match mode {
        MapMode::Closeness => {
            for p in Power::ALL {
                let prox = state.proximity(p);
                let (tex, color) = (closeness_texture(prox), power_color(p));
                for c in territory(p) {
                    m.marks.push((c, tex, color));
                }
                if let Some(cap) = map::atlas().power_capital(map_power(p)) {
                    m.tags
                        .push((cap.country.clone(), format!("{:.0}", prox.round()), color));
                }
            }
        }
        MapMode::Domain(d) => {
            m.plain_player = true;
            m.hide_ties = true;
            for c in &book.countries {
                let Some(shares) = known_shares(state, book, &c.id, d) else {
                    continue;
                };
                let (p, share) = leader(shares);
                if share == 0 {
                    continue;
                }
                let color = power_color(p);
                m.marks.push((c.id.clone(), power_texture(p), color));
                let initial = p.name().chars().next().unwrap_or('?');
                m.tags
                    .push((c.id.clone(), format!("{initial}{share}"), color));
            }
        }
        MapMode::Corridors => {
            m.plain_player = true;
            m.hide_ties = true;
            m.corridor_labels = true;
            let rank = |s: CorridorStatus| match s {
                CorridorStatus::Open => 3,
                CorridorStatus::Building => 2,
                CorridorStatus::Blocked => 1,
                CorridorStatus::Planned => 0,
            };
            // The countries between the powers: a power's own territory is
            // not marked (the line and its name show the route there).
            let powers: Vec<String> = Power::ALL.into_iter().flat_map(territory).collect();
            let mut best: Vec<(String, CorridorStatus)> = Vec::new();
            for (id, s) in state.corridors() {
                for c in map::atlas()
                    .corridor_countries(book.corridor_key(id))
                    .into_iter()
                    .filter(|c| !powers.iter().any(|p| p == c))
                {
                    match best.iter_mut().find(|(b, _)| b == c) {
                        Some(e) if rank(s) > rank(e.1) => e.1 = s,
                        Some(_) => {}
                        None => best.push((c.to_string(), s)),
                    }
                }
            }
            let color = corridor_color();
            for (c, s) in best {
                m.marks.push((c, corridor_texture(s), color));
            }
        }
    }
    m
}

/// The legend of a mode, as short lines: the textures and marks it uses.
pub fn legend(mode: MapMode, t: &Theme) -> Vec<Line<'static>> {
    let a = t.ascii;
    let sample = |tex: Texture, style| Span::styled(format!("{} ", tex.sample(a)), style);
    let mut first = vec![Span::styled(format!("{} ", mode_title(mode)), t.heading())];
    match mode {
        MapMode::Closeness => {
            for (tex, words) in [
                (Texture::Rows, "close (60+)  "),
                (Texture::Diagonal, "middling  "),
                (Texture::Sparse, "distant (<30)"),
            ] {
                first.push(sample(tex, t.text()));
                first.push(Span::raw(words));
            }
        }
        MapMode::Domain(_) => {
            for p in Power::ALL {
                first.push(sample(power_texture(p), t.power(p)));
                first.push(Span::styled(format!("{}  ", p.name()), t.power(p)));
            }
        }
        MapMode::Corridors => {
            for s in [
                CorridorStatus::Open,
                CorridorStatus::Building,
                CorridorStatus::Planned,
                CorridorStatus::Blocked,
            ] {
                first.push(sample(corridor_texture(s), t.text()));
                first.push(Span::raw(format!("{}  ", s.name())));
            }
        }
    }
    let marks = if a {
        "@ you  O a power's capital  ! the event  x blocked"
    } else {
        "◉ you  ● a power's capital  ◆ the event  x blocked"
    };
    let second = match mode {
        MapMode::Closeness => format!(
            "Lines to the powers: solid close, dashed middling, dotted distant; numbers: closeness. {marks}"
        ),
        MapMode::Domain(_) => format!(
            "Tags: the leader's initial and share (R60: Russia, 60%); your state now, the others as they started. {marks}"
        ),
        MapMode::Corridors => {
            format!("Lines: solid open, long dashes building, dots planned. {marks}")
        }
    };
    vec![Line::from(first), Line::styled(second, t.dim())]
}

/// The legend's textures in one short line, for a narrow map.
pub fn short_legend(mode: MapMode, t: &Theme) -> Line<'static> {
    let a = t.ascii;
    let mut spans = Vec::new();
    let mut item = |tex: Texture, words: String, style| {
        spans.push(Span::styled(format!("{}", tex.sample(a)), style));
        spans.push(Span::styled(format!("{words} "), style));
    };
    match mode {
        MapMode::Closeness => {
            item(Texture::Rows, "60+".into(), t.text());
            item(Texture::Diagonal, "30+".into(), t.text());
            item(Texture::Sparse, "<30 closeness".into(), t.text());
        }
        MapMode::Domain(_) => {
            for p in Power::ALL {
                let initial = p.name().chars().next().unwrap_or('?');
                item(power_texture(p), initial.to_string(), t.power(p));
            }
            spans.push(Span::styled("leads", t.dim()));
        }
        MapMode::Corridors => {
            for (s, w) in [
                (CorridorStatus::Open, "open"),
                (CorridorStatus::Building, "build"),
                (CorridorStatus::Planned, "plan"),
                (CorridorStatus::Blocked, "block"),
            ] {
                item(corridor_texture(s), w.into(), t.text());
            }
        }
    }
    Line::from(spans)
}

fn mode_title(mode: MapMode) -> String {
    match mode {
        MapMode::Closeness => "Closeness:".into(),
        MapMode::Domain(d) => format!("{} leader:", d.name()),
        MapMode::Corridors => "Corridors:".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modes_cycle_through_every_domain_and_back() {
        let mut m = MapMode::default();
        let mut seen = vec![m];
        for _ in 0..7 {
            m = m.next();
            seen.push(m);
        }
        assert_eq!(seen.last(), Some(&MapMode::Closeness));
        for d in Domain::ALL {
            assert!(seen.contains(&MapMode::Domain(d)));
        }
        assert!(seen.contains(&MapMode::Corridors));
    }

    #[test]
    fn the_leader_is_the_largest_power_not_other() {
        assert_eq!(leader([20, 22, 4, 30, 24]), (Power::Eu, 30));
        assert_eq!(leader([10, 5, 0, 0, 85]), (Power::Russia, 10));
        assert_eq!(crate::rules::Holder::Other.power(), None);
    }

    #[test]
    fn every_texture_in_a_legend_differs() {
        for ascii in [false, true] {
            let samples: Vec<char> = Texture::ALL.iter().map(|t| t.sample(ascii)).collect();
            for (i, a) in samples.iter().enumerate() {
                assert!(!samples[i + 1..].contains(a), "{samples:?}");
            }
        }
    }
}
