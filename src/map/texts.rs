//! What the map writes over its lines: the event's marker, capitals and
//! their names, arrows towards the powers out of view, the selected
//! country's name and the `x` of blocked corridors, placed by priority so
//! that none overlaps another.

use ratatui::style::{Color, Modifier, Style};

use super::data::{Atlas, Capital, Power};
use super::labels::{Placer, Spot};
use super::shapes::clip_params;
use super::view::{CorridorStatus, Frame, MapView};
use super::zooms::zoom_countries;
use super::{PLAYABLE, palette, power_color};

/// A text placed on the map.
pub(crate) struct Text {
    pub spot: Spot,
    pub text: String,
    pub style: Style,
}

fn arrow(dx: f64, dy: f64, ascii: bool) -> char {
    // eight directions; y grows northwards
    let a = dy.atan2(dx).to_degrees();
    let octant = (((a + 360.0 + 22.5) % 360.0) / 45.0).floor() as usize;
    if ascii {
        ['>', '>', '^', '<', '<', '<', 'v', '>'][octant.min(7)]
    } else {
        ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'][octant.min(7)]
    }
}

impl MapView<'_> {
    /// Markers and labels, placed so that none overlaps another.
    pub(crate) fn texts(&self, atlas: &'static Atlas, f: &Frame) -> Vec<Text> {
        let mut placer = Placer::new(f.cols, f.rows);
        let mut out = Vec::new();
        let ascii = self.ascii;
        let style = |c: Color| Style::default().fg(self.colour(c));
        let player_cap = atlas.capital_of(self.player);

        // Event marker first, with the place's name: it is the news of the turn.
        if let Some((name, at)) = self.event_place.and_then(|id| atlas.place(id))
            && f.contains(at)
        {
            let (cx, cy) = f.cell(at);
            if let Some(spot) = placer.mark(cx, cy) {
                let text = if ascii { "!" } else { "◆" };
                let st = style(palette::EVENT).add_modifier(Modifier::BOLD | Modifier::REVERSED);
                out.push(Text {
                    spot,
                    text: text.into(),
                    style: st,
                });
                let len = name.chars().count() as u16;
                if let Some(spot) = placer.place_beside(cx, cy, len) {
                    out.push(Text {
                        spot,
                        text: name.to_string(),
                        style: st,
                    });
                }
            }
        }

        // Capitals in order of priority: the player's, the powers', the
        // other playable states', the rest.
        let lit = |c: &Capital| self.highlight.contains(&c.id.as_str());
        let rank = |c: &Capital| {
            if Some(c) == player_cap {
                0
            } else if c.power.is_some() || lit(c) {
                1
            } else if PLAYABLE.contains(&c.country.as_str()) {
                2
            } else {
                3
            }
        };
        let mut caps: Vec<&Capital> = atlas.capitals.iter().filter(|c| f.contains(c.at)).collect();
        caps.sort_by_key(|c| rank(c));
        let mut marked: Vec<(&Capital, (i32, i32))> = Vec::new();
        for c in &caps {
            let (cx, cy) = f.cell(c.at);
            let (sym, st) = match rank(c) {
                0 => (
                    if ascii { "@" } else { "◉" },
                    style(palette::PLAYER).add_modifier(Modifier::BOLD),
                ),
                1 => (
                    if ascii { "O" } else { "●" },
                    style(c.power.map_or(palette::LABEL, power_color)).add_modifier(Modifier::BOLD),
                ),
                _ => (if ascii { "o" } else { "•" }, style(palette::LABEL)),
            };
            let st = if lit(c) {
                st.add_modifier(Modifier::REVERSED)
            } else {
                st
            };
            if let Some(spot) = placer.mark(cx, cy) {
                out.push(Text {
                    spot,
                    text: sym.into(),
                    style: st,
                });
                marked.push((c, (cx, cy)));
            }
        }

        // The player's capital's name first.
        for (c, (cx, cy)) in marked.iter().filter(|(c, _)| rank(c) == 0) {
            let len = c.name.chars().count() as u16;
            if let Some(spot) = placer.place_beside(*cx, *cy, len) {
                out.push(Text {
                    spot,
                    text: c.name.clone(),
                    style: style(palette::PLAYER).add_modifier(Modifier::BOLD),
                });
            }
        }

        // The mode's tags, at the middle of each country's visible part.
        for tag in self.tags {
            let Some(anchor) = zoom_countries(self.zoom)
                .iter()
                .find(|c| c.id == tag.country)
                .map(|c| c.anchor)
            else {
                continue;
            };
            if !f.contains(anchor) {
                continue;
            }
            let len = tag.text.chars().count() as u16;
            let (cx, cy) = f.cell(anchor);
            let l = i32::from(len);
            let cands = [
                (cx - l / 2, cy),
                (cx - l / 2, cy + 1),
                (cx - l / 2, cy - 1),
                (cx + 1, cy),
                (cx - l, cy),
                (cx - l / 2, cy + 2),
            ];
            if let Some(spot) = placer.place_first(&cands, len) {
                out.push(Text {
                    spot,
                    text: tag.text.to_string(),
                    style: style(tag.color).add_modifier(Modifier::BOLD | Modifier::REVERSED),
                });
            }
        }

        // Arrows at the edge towards the powers' capitals out of view.
        if let Some(pc) = player_cap {
            for p in Power::ALL {
                let Some(cap) = atlas.power_capital(p) else {
                    continue;
                };
                if f.contains(cap.at) {
                    continue;
                }
                let (dx, dy) = (cap.at.0 - pc.at.0, cap.at.1 - pc.at.1);
                let exit = clip_params(f.x[0], f.y[0], f.x[1], f.y[1], pc.at, cap.at)
                    .map(|(_, t1)| (pc.at.0 + t1 * dx, pc.at.1 + t1 * dy))
                    .unwrap_or((
                        cap.at.0.clamp(f.x[0], f.x[1]),
                        cap.at.1.clamp(f.y[0], f.y[1]),
                    ));
                let a = arrow(dx, dy, ascii);
                // A mode's tag for a power out of view goes with its arrow.
                let tag_in_view = |c: &str| {
                    zoom_countries(self.zoom)
                        .iter()
                        .any(|v| v.id == c && f.contains(v.anchor))
                };
                let name = match self
                    .tags
                    .iter()
                    .find(|t| t.country == cap.country && !tag_in_view(t.country))
                {
                    Some(t) => format!("{} {}", p.name(), t.text),
                    None => p.name().to_string(),
                };
                let (cx, cy) = f.cell(exit);
                let (cx, cy) = (
                    cx.clamp(0, i32::from(f.cols) - 1),
                    cy.clamp(0, i32::from(f.rows) - 1),
                );
                let (text, x0) = if a == '→' || a == '>' || a == '↗' || a == '↘' {
                    let t = format!("{name}{a}");
                    let l = t.chars().count() as i32;
                    (t, (cx - l + 1).min(i32::from(f.cols) - l))
                } else if a == '←' || a == '<' || a == '↖' || a == '↙' {
                    (format!("{a}{name}"), cx.max(0))
                } else {
                    let t = format!("{a}{name}");
                    let l = t.chars().count() as i32;
                    (t, cx - l / 2)
                };
                let len = text.chars().count() as u16;
                let cands: Vec<(i32, i32)> = [0, -1, 1, -2, 2, -3, 3]
                    .iter()
                    .map(|&d| {
                        if matches!(a, '↑' | '↓' | '^' | 'v') {
                            (x0 + d * 2, cy)
                        } else {
                            (x0, cy + d)
                        }
                    })
                    .collect();
                if let Some(spot) = placer.place_first(&cands, len) {
                    out.push(Text {
                        spot,
                        text,
                        style: style(power_color(p)).add_modifier(Modifier::BOLD),
                    });
                }
            }
        }

        // The selected country's name, near the middle of its visible part.
        if let Some(sel) = self.selected.and_then(|id| atlas.country(id)) {
            let anchor = zoom_countries(self.zoom)
                .iter()
                .find(|c| c.id == sel.id)
                .map(|c| c.anchor)
                .unwrap_or((
                    (sel.bbox[0] + sel.bbox[2]) / 2.0,
                    (sel.bbox[1] + sel.bbox[3]) / 2.0,
                ));
            if f.contains(anchor) {
                let text = format!("[{}]", sel.name);
                let len = text.chars().count() as u16;
                let (cx, cy) = f.cell(anchor);
                let l = i32::from(len);
                let cands = [
                    (cx - l / 2, cy),
                    (cx - l / 2, cy - 1),
                    (cx - l / 2, cy + 1),
                    (cx + 1, cy),
                    (cx - l, cy),
                ];
                if let Some(spot) = placer.place_first(&cands, len) {
                    out.push(Text {
                        spot,
                        text,
                        style: style(palette::SELECTED).add_modifier(Modifier::REVERSED),
                    });
                }
            }
        }

        // Capital names.
        for (c, (cx, cy)) in marked.iter().filter(|(c, _)| rank(c) > 0) {
            let len = c.name.chars().count() as u16;
            let st = match rank(c) {
                0 => style(palette::PLAYER).add_modifier(Modifier::BOLD),
                1 => style(c.power.map_or(palette::LABEL, power_color)),
                _ => style(palette::LABEL),
            };
            let st = if lit(c) {
                st.add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                st
            };
            if let Some(spot) = placer.place_beside(*cx, *cy, len) {
                out.push(Text {
                    spot,
                    text: c.name.clone(),
                    style: st,
                });
            }
        }

        // Corridors' names, with their status, in the corridor mode and
        // for what an action touches.
        for &(id, status) in self.corridors {
            let lit = self.highlight.contains(&id);
            if !(self.corridor_labels || lit) {
                continue;
            }
            let Some(co) = atlas.corridor(id) else {
                continue;
            };
            let text = format!("{} {}", co.name, status_word(status));
            let len = text.chars().count() as u16;
            let l = i32::from(len);
            // Beside its stations, the middle ones first.
            let n = co.points.len();
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| (2 * i).abs_diff(n - 1));
            let cands: Vec<(i32, i32)> = order
                .iter()
                .map(|&i| co.points[i])
                .filter(|&p| f.contains(p))
                .flat_map(|p| {
                    let (cx, cy) = f.cell(p);
                    [
                        (cx - l / 2, cy + 1),
                        (cx - l / 2, cy - 1),
                        (cx + 1, cy),
                        (cx - l, cy),
                    ]
                })
                .collect();
            let st = if lit {
                style(palette::HIGHLIGHT).add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                style(palette::CORRIDOR).add_modifier(Modifier::BOLD)
            };
            if let Some(spot) = placer.place_first(&cands, len) {
                out.push(Text {
                    spot,
                    text,
                    style: st,
                });
            }
        }

        // x marks along blocked corridors, where there is room.
        for &(id, status) in self.corridors {
            if status != CorridorStatus::Blocked {
                continue;
            }
            let Some(co) = atlas.corridor(id) else {
                continue;
            };
            for w in co.points.windows(2) {
                let mid = ((w[0].0 + w[1].0) / 2.0, (w[0].1 + w[1].1) / 2.0);
                if !f.contains(mid) {
                    continue;
                }
                let (cx, cy) = f.cell(mid);
                if let Some(spot) = placer.mark(cx, cy) {
                    out.push(Text {
                        spot,
                        text: "x".into(),
                        style: style(palette::CORRIDOR).add_modifier(Modifier::BOLD),
                    });
                }
            }
        }
        out
    }
}

/// A corridor's status in a word.
fn status_word(s: CorridorStatus) -> &'static str {
    match s {
        CorridorStatus::Planned => "planned",
        CorridorStatus::Building => "building",
        CorridorStatus::Open => "open",
        CorridorStatus::Blocked => "blocked",
    }
}
