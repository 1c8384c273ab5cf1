//! `Book`: all the content of a game, resolved and indexed once at load.

use std::collections::HashMap;

use super::defs::{ActionDef, CountryDef, EndingDef, EventDef, PowerDef, ScenarioDef, WorldDef};
use super::types::Power;

/// Everything the rules read but never change: countries, powers, actions,
/// events, endings, the world's drift, scenarios.
#[derive(Debug, Clone)]
pub struct Book {
    pub countries: Vec<CountryDef>,
    /// Indexed by `Power::index()`.
    pub powers: Vec<PowerDef>,
    pub actions: Vec<ActionDef>,
    pub events: Vec<EventDef>,
    pub endings: Vec<EndingDef>,
    pub world: WorldDef,
    pub scenarios: Vec<ScenarioDef>,
    action_index: HashMap<String, usize>,
    event_index: HashMap<String, usize>,
}

impl Book {
    /// Builds the indexes. The caller (`content`) has validated the parts.
    pub fn new(
        countries: Vec<CountryDef>,
        mut powers: Vec<PowerDef>,
        actions: Vec<ActionDef>,
        events: Vec<EventDef>,
        endings: Vec<EndingDef>,
        world: WorldDef,
        scenarios: Vec<ScenarioDef>,
    ) -> Book {
        powers.sort_by_key(|p| p.power);
        let action_index = actions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let event_index = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Book {
            countries,
            powers,
            actions,
            events,
            endings,
            world,
            scenarios,
            action_index,
            event_index,
        }
    }

    pub fn country(&self, id: &str) -> Option<&CountryDef> {
        self.countries.iter().find(|c| c.id == id)
    }

    pub fn playable(&self) -> impl Iterator<Item = &CountryDef> {
        self.countries.iter().filter(|c| c.playable)
    }

    pub fn power(&self, p: Power) -> &PowerDef {
        &self.powers[p.index()]
    }

    pub fn action(&self, id: &str) -> Option<&ActionDef> {
        self.action_index.get(id).map(|&i| &self.actions[i])
    }

    pub fn event(&self, id: &str) -> Option<&EventDef> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    pub fn event_position(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    pub fn ending(&self, id: &str) -> Option<&EndingDef> {
        self.endings.iter().find(|e| e.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&ScenarioDef> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn track(&self, id: &str) -> Option<&super::defs::TrackDef> {
        self.world.tracks.iter().find(|t| t.id == id)
    }
}
