//! `Book`: all the content of a game and its model, resolved and indexed
//! once at load.

use super::defs::{
    ActionDef, CountryDef, EndingDef, EventDef, MoveDef, PowerDef, ScenarioDef, WorldDef,
};
use super::ids::{
    ActionId, CorridorId, CountryId, EndingId, EventId, FlagId, Ids, MoveId, Raw, Resolved,
    SituationId, TrackId,
};
use super::model::Model;
use super::resolve::{self, Names, ResolveError};
use super::types::{Power, Var};

/// The flag the rules set when the state collapses.
pub const COLLAPSE: &str = "collapse";

/// The parts of a content set, as read (`Sources<Raw>`) or resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Sources<I: Ids = Resolved> {
    pub countries: Vec<CountryDef<I>>,
    pub powers: Vec<PowerDef<I>>,
    pub actions: Vec<ActionDef<I>>,
    pub events: Vec<EventDef<I>>,
    pub endings: Vec<EndingDef<I>>,
    pub world: WorldDef<I>,
    pub moves: Vec<MoveDef<I>>,
}

/// Everything the rules read but never change: countries, powers, actions,
/// events, endings, the world's drift, the model's tuning; and the built-in
/// scenarios, as written (a scenario is resolved when a game of it starts,
/// so that one from a file or a save goes the same way).
#[derive(Debug, Clone)]
pub struct Book {
    pub countries: Vec<CountryDef>,
    /// Indexed by `Power::index()`.
    pub powers: Vec<PowerDef>,
    pub actions: Vec<ActionDef>,
    pub events: Vec<EventDef>,
    pub endings: Vec<EndingDef>,
    pub world: WorldDef,
    /// The powers' moves, every power's deck in one list.
    pub moves: Vec<MoveDef>,
    pub scenarios: Vec<ScenarioDef<Raw>>,
    pub model: Model,
    /// A fingerprint of the content and model the book was made from (set
    /// by whoever read them), recorded in saves.
    pub fingerprint: String,
    names: Names,
    collapse: FlagId,
    flag_ids: Vec<String>,
    corridor_ids: Vec<String>,
}

impl Book {
    /// Resolves a content set against itself and the model.
    pub fn new(
        sources: &Sources<Raw>,
        scenarios: Vec<ScenarioDef<Raw>>,
        model: Model,
    ) -> Result<Book, ResolveError> {
        model.check().map_err(|message| ResolveError {
            file: "model.ron",
            at: "model".into(),
            message,
        })?;
        let (parts, names) = resolve::resolve_book(sources, &model)?;
        let collapse = names
            .flags
            .get(COLLAPSE)
            .copied()
            .ok_or_else(|| ResolveError {
                file: "world.ron",
                at: "flags".into(),
                message: format!(
                    "no `{COLLAPSE}` flag, which the rules set when stability reaches 0"
                ),
            })?;
        let book = Book {
            collapse,
            flag_ids: parts.world.flags.keys().cloned().collect(),
            corridor_ids: parts.world.corridors.keys().cloned().collect(),
            countries: parts.countries,
            powers: parts.powers,
            actions: parts.actions,
            events: parts.events,
            endings: parts.endings,
            world: parts.world,
            moves: parts.moves,
            scenarios,
            model,
            fingerprint: String::new(),
            names,
        };
        for s in &book.scenarios {
            book.resolve_scenario(s)?;
        }
        Ok(book)
    }

    /// Resolves a scenario against this book, checking every field and bound.
    pub fn resolve_scenario(&self, s: &ScenarioDef<Raw>) -> Result<ScenarioDef, ResolveError> {
        resolve::resolve_scenario(&self.names, &self.model, s, "scenario")
    }

    pub fn country(&self, id: CountryId) -> &CountryDef {
        &self.countries[id.index()]
    }
    pub fn country_id(&self, name: &str) -> Option<CountryId> {
        self.names.countries.get(name).copied()
    }
    pub fn country_named(&self, name: &str) -> Option<&CountryDef> {
        self.country_id(name).map(|id| self.country(id))
    }
    pub fn playable(&self) -> impl Iterator<Item = &CountryDef> {
        self.countries.iter().filter(|c| c.playable)
    }

    pub fn power(&self, p: Power) -> &PowerDef {
        &self.powers[p.index()]
    }

    pub fn action(&self, id: ActionId) -> &ActionDef {
        &self.actions[id.index()]
    }
    pub fn action_id(&self, name: &str) -> Option<ActionId> {
        self.names.actions.get(name).copied()
    }
    /// Every action with its id, in the content's order.
    pub fn action_ids(&self) -> impl Iterator<Item = ActionId> + use<> {
        (0..self.actions.len()).map(ActionId::from_index)
    }

    pub fn event(&self, id: EventId) -> &EventDef {
        &self.events[id.index()]
    }
    pub fn event_id(&self, name: &str) -> Option<EventId> {
        self.names.events.get(name).copied()
    }
    pub fn event_ids(&self) -> impl Iterator<Item = EventId> + use<> {
        (0..self.events.len()).map(EventId::from_index)
    }

    pub fn ending(&self, id: EndingId) -> &EndingDef {
        &self.endings[id.index()]
    }
    pub fn ending_id(&self, name: &str) -> Option<EndingId> {
        self.endings
            .iter()
            .position(|e| e.id == name)
            .map(EndingId::from_index)
    }

    /// A move of a power's deck.
    pub fn power_move(&self, id: MoveId) -> &MoveDef {
        &self.moves[id.index()]
    }
    pub fn move_ids(&self) -> impl Iterator<Item = MoveId> + use<> {
        (0..self.moves.len()).map(MoveId::from_index)
    }

    pub fn scenario(&self, id: &str) -> Option<&ScenarioDef<Raw>> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn track(&self, id: TrackId) -> &super::defs::TrackDef {
        &self.world.tracks[id.index()]
    }
    pub fn track_id(&self, name: &str) -> Option<TrackId> {
        self.names.tracks.get(name).copied()
    }
    pub fn situation(&self, id: SituationId) -> &super::defs::SituationDef {
        &self.world.situations[id.index()]
    }
    pub fn situation_id(&self, name: &str) -> Option<SituationId> {
        self.names.situations.get(name).copied()
    }

    /// The flag set when stability reaches 0 at any moment of a turn.
    pub fn collapse_flag(&self) -> FlagId {
        self.collapse
    }

    /// A flag's id as content names it.
    pub fn flag_key(&self, id: FlagId) -> &str {
        &self.flag_ids[id.index()]
    }
    pub fn flag_id(&self, name: &str) -> Option<FlagId> {
        self.names.flags.get(name).copied()
    }
    /// A flag's readable name.
    pub fn flag_name(&self, id: FlagId) -> &str {
        self.world.flag_name(self.flag_key(id))
    }
    pub fn flag_count(&self) -> usize {
        self.flag_ids.len()
    }

    /// A corridor's id as content and the map name it.
    pub fn corridor_key(&self, id: CorridorId) -> &str {
        &self.corridor_ids[id.index()]
    }
    pub fn corridor_id(&self, name: &str) -> Option<CorridorId> {
        self.names.corridors.get(name).copied()
    }
    /// A corridor's readable name.
    pub fn corridor_name(&self, id: CorridorId) -> &str {
        self.world.corridor_name(self.corridor_key(id))
    }
    pub fn corridor_count(&self) -> usize {
        self.corridor_ids.len()
    }

    /// A number's name in the player's words, e.g. "Turkey proximity".
    pub fn label(&self, var: &Var) -> String {
        var.label_with(|t| self.track(*t).name.clone())
    }
}
