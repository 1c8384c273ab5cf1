//! One file per screen: each reads keys as messages in `update` and draws
//! in `render`, which never changes anything.

pub mod dialogs;
pub mod end;
pub mod event;
mod event_popup;
pub mod game;
mod game_input;
pub mod game_layout;
pub mod help;
pub mod load;
pub mod new_game;
pub mod title;
