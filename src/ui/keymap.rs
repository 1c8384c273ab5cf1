//! The one table of keys. The help screen and the footer hints are both
//! generated from it, so what the screen says and what the keys do cannot
//! drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Help,
    Quit,
    EndTurn,
    Undo,
    Save,
    Up,
    Down,
    Left,
    Right,
    Select,
    Back,
    /// Pick an event choice (0-based).
    Choice(usize),
    Zoom,
    Focus,
    /// The focus back one panel.
    FocusBack,
    /// A page up or down, or to the top or the end, in the panel in front.
    PageUp,
    PageDown,
    Home,
    End,
    /// The next way of marking the map (closeness, a domain, corridors).
    MapMode,
    /// Open or close the leverage gauge into its parts.
    Parts,
    /// Erase a character of a name being typed.
    Erase,
    Yes,
    No,
}

/// Where a key applies: the screen (or dialog) in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Title,
    NewGame,
    Load,
    Game,
    Event,
    Help,
    End,
    Confirm,
    SaveAs,
    /// A tutorial's tip, over the screen it explains.
    Tip,
}

/// One binding: the keys, how they are written, what they do, and where.
pub struct Binding {
    pub keys: &'static [KeyCode],
    pub label: &'static str,
    pub msg: Msg,
    /// What it does, for the help (empty: the same keys as the binding
    /// before it, in more places, and listed there).
    pub help: &'static str,
    /// A short form for the footer (empty: not shown there).
    pub hint: &'static str,
    pub ctx: &'static [Ctx],
}

use Ctx::*;
use KeyCode::{
    BackTab, Backspace, Char, Down, End as EndKey, Enter, Esc, Home as HomeKey, Left,
    PageDown as PgDn, PageUp as PgUp, Right, Tab, Up,
};

const PLAYING: &[Ctx] = &[Game, Event];
const MENUS: &[Ctx] = &[Title, NewGame, Load, Game, Event, Help, End];
/// The keys that pick an answer, 1 to 9.
const DIGITS: &[KeyCode] = &[
    Char('1'),
    Char('2'),
    Char('3'),
    Char('4'),
    Char('5'),
    Char('6'),
    Char('7'),
    Char('8'),
    Char('9'),
];
/// Where a panel or a list scrolls.
const SCROLLED: &[Ctx] = &[Game, Event, Help, End];

/// Every key of the game.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: DIGITS,
        label: "1-9",
        msg: Msg::Choice(0),
        help: "pick an event's choice (also with it put aside to look at the board)",
        hint: "answer",
        ctx: &[Event],
    },
    Binding {
        keys: DIGITS,
        label: "1-9",
        msg: Msg::Choice(0),
        help: "",
        hint: "",
        ctx: &[Game],
    },
    Binding {
        keys: &[Up, Char('k')],
        label: "↑/k",
        msg: Msg::Up,
        help: "move up (the map: the country to the north-west)",
        hint: "",
        ctx: MENUS,
    },
    Binding {
        keys: &[Down, Char('j')],
        label: "↓/j",
        msg: Msg::Down,
        help: "move down (the map: the country to the south-east)",
        hint: "move",
        ctx: MENUS,
    },
    Binding {
        keys: &[Left, Char('h')],
        label: "←/h",
        msg: Msg::Left,
        help: "previous choice of a field; the map: previous country",
        hint: "",
        ctx: &[NewGame, Game],
    },
    Binding {
        keys: &[Right, Char('l')],
        label: "→/l",
        msg: Msg::Right,
        help: "next choice of a field; the map: next country",
        hint: "",
        ctx: &[NewGame, Game],
    },
    Binding {
        keys: &[PgUp],
        label: "PgUp",
        msg: Msg::PageUp,
        help: "a page up in the list or text in front (actions, preview, news, an event, help, debrief)",
        hint: "",
        ctx: SCROLLED,
    },
    Binding {
        keys: &[PgDn],
        label: "PgDn",
        msg: Msg::PageDown,
        help: "a page down in the list or text in front",
        hint: "",
        ctx: SCROLLED,
    },
    Binding {
        keys: &[HomeKey],
        label: "Home",
        msg: Msg::Home,
        help: "to the top of the list or text in front",
        hint: "",
        ctx: SCROLLED,
    },
    Binding {
        keys: &[EndKey],
        label: "End",
        msg: Msg::End,
        help: "to the end of the list or text in front",
        hint: "",
        ctx: SCROLLED,
    },
    Binding {
        keys: &[Enter],
        label: "Enter",
        msg: Msg::Select,
        help: "choose: plan the selected action (on a planned one: take it back), start, load, answer",
        hint: "choose",
        ctx: &[Title, NewGame, Load, Game, Event, End, SaveAs, Tip],
    },
    Binding {
        keys: &[Char('e')],
        label: "e",
        msg: Msg::EndTurn,
        help: "end the turn: planned actions land, powers react, the world moves",
        hint: "end turn",
        ctx: &[Game],
    },
    Binding {
        keys: &[Char('u')],
        label: "u",
        msg: Msg::Undo,
        help: "undo the last action planned this turn",
        hint: "undo",
        ctx: &[Game],
    },
    Binding {
        keys: &[Tab],
        label: "Tab",
        msg: Msg::Focus,
        help: "move the focus: actions, preview, map, news, goals, world (new game: state, scenario, seed, difficulty)",
        hint: "focus",
        ctx: &[NewGame, Game],
    },
    Binding {
        keys: &[BackTab],
        label: "S-Tab",
        msg: Msg::FocusBack,
        help: "move the focus back",
        hint: "",
        ctx: &[NewGame, Game],
    },
    Binding {
        keys: &[Char('z')],
        label: "z",
        msg: Msg::Zoom,
        help: "zoom the map: the region or all Eurasia",
        hint: "zoom",
        ctx: &[Game],
    },
    Binding {
        keys: &[Char('m')],
        label: "m",
        msg: Msg::MapMode,
        help: "mark the map by closeness, by the leading power of a domain, or by corridor",
        hint: "map",
        ctx: &[Game],
    },
    Binding {
        keys: &[Char('o')],
        label: "o",
        msg: Msg::Parts,
        help: "open or close the leverage gauge into its parts",
        hint: "",
        ctx: &[Game],
    },
    Binding {
        keys: &[Char('s')],
        label: "s",
        msg: Msg::Save,
        help: "save the game under a name",
        hint: "save",
        ctx: PLAYING,
    },
    Binding {
        keys: &[Char('y')],
        label: "y",
        msg: Msg::Yes,
        help: "yes (in a question)",
        hint: "yes",
        ctx: &[Confirm],
    },
    Binding {
        keys: &[Char('n')],
        label: "n",
        msg: Msg::No,
        help: "no (in a question)",
        hint: "no",
        ctx: &[Confirm],
    },
    Binding {
        keys: &[Backspace],
        label: "Bksp",
        msg: Msg::Erase,
        help: "erase the last character of a name or seed being typed",
        hint: "",
        ctx: &[NewGame, SaveAs],
    },
    Binding {
        keys: &[Esc],
        label: "Esc",
        msg: Msg::Back,
        help: "back; in an event, look at the board first",
        hint: "back",
        ctx: &[NewGame, Load, Event, Help, End, Confirm, SaveAs, Tip],
    },
    Binding {
        keys: &[Char('?')],
        label: "?",
        msg: Msg::Help,
        help: "this help: keys and the article's concepts",
        hint: "help",
        ctx: &[Title, NewGame, Load, Game, Event, End, Tip],
    },
    Binding {
        keys: &[Char('q')],
        label: "q",
        msg: Msg::Quit,
        help: "quit (asks to confirm unless just saved)",
        hint: "quit",
        ctx: &[Title, NewGame, Load, Game, Event, Help, End, Tip],
    },
];

/// The message a key sends in a context, if any.
pub fn lookup(ctx: Ctx, key: &KeyEvent) -> Option<Msg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        // Ctrl-C quits like `q`, wherever a game can be left.
        return (key.code == Char('c')).then_some(Msg::Quit);
    }
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx))
        .find_map(|b| {
            let i = b.keys.iter().position(|k| *k == key.code)?;
            Some(match b.msg {
                Msg::Choice(_) => Msg::Choice(i),
                m => m,
            })
        })
}

/// How the key for `msg` is written, from the table (its first binding),
/// for the prose of the screens: "end the turn with e".
pub fn key(msg: Msg) -> &'static str {
    BINDINGS
        .iter()
        .find(|b| b.msg == msg || matches!((b.msg, msg), (Msg::Choice(_), Msg::Choice(_))))
        .map_or("?", |b| b.label)
}

/// The first key for `msg` alone ("↑" of "↑/k"), for prose that names two
/// keys together: "←→ pick a country".
pub fn key_short(msg: Msg) -> &'static str {
    let label = key(msg);
    label.split('/').next().unwrap_or(label)
}

/// The footer's hints for a context: (key, what it does).
pub fn hints(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.ctx.contains(&ctx) && !b.hint.is_empty())
        .map(|b| (b.label, b.hint))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn the_design_keys_are_bound() {
        assert_eq!(lookup(Game, &key(Char('e'))), Some(Msg::EndTurn));
        assert_eq!(lookup(Game, &key(Char('u'))), Some(Msg::Undo));
        assert_eq!(lookup(Game, &key(Char('s'))), Some(Msg::Save));
        assert_eq!(lookup(Game, &key(Char('?'))), Some(Msg::Help));
        assert_eq!(lookup(Game, &key(Char('q'))), Some(Msg::Quit));
        assert_eq!(lookup(Game, &key(Char('j'))), Some(Msg::Down));
        assert_eq!(lookup(Game, &key(Up)), Some(Msg::Up));
        assert_eq!(lookup(Game, &key(Enter)), Some(Msg::Select));
        assert_eq!(lookup(Game, &key(Char('z'))), Some(Msg::Zoom));
        assert_eq!(lookup(Game, &key(Tab)), Some(Msg::Focus));
        assert_eq!(lookup(Event, &key(Char('3'))), Some(Msg::Choice(2)));
        assert_eq!(lookup(Event, &key(Esc)), Some(Msg::Back));
        // A decision put aside (Esc) is still answered by its number.
        assert_eq!(lookup(Game, &key(Char('2'))), Some(Msg::Choice(1)));
        assert_eq!(lookup(Confirm, &key(Char('y'))), Some(Msg::Yes));
        assert_eq!(lookup(Game, &key(Char('y'))), None);
    }

    #[test]
    fn prose_names_keys_from_the_table() {
        assert_eq!(super::key(Msg::EndTurn), "e");
        assert_eq!(super::key(Msg::Choice(3)), "1-9");
        assert_eq!(key_short(Msg::Left), "←");
        assert_eq!(key_short(Msg::Select), "Enter");
        assert_eq!(super::key(Msg::PageDown), "PgDn");
    }

    #[test]
    fn every_context_has_a_way_out() {
        for ctx in [
            Title, NewGame, Load, Game, Event, Help, End, Confirm, SaveAs, Tip,
        ] {
            let out = BINDINGS
                .iter()
                .any(|b| b.ctx.contains(&ctx) && matches!(b.msg, Msg::Quit | Msg::Back | Msg::No));
            assert!(out, "{ctx:?} has no key to leave it");
        }
    }
}
