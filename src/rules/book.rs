//! `Book`: all the content of a game, resolved and indexed once at load.

use std::collections::HashMap;

use super::defs::{
    ActionDef, Cond, CountryDef, EndingDef, EventDef, PowerDef, ScenarioDef, WorldDef,
};
use super::types::{Power, Var};

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

    /// A condition in the player's words, e.g. "EU proximity at least 35"
    /// or "no permanent neutrality".
    pub fn describe(&self, cond: &Cond) -> String {
        let var = |v: &Var| match v {
            Var::Track(id) => self.track(id).map_or(id.clone(), |t| t.name.clone()),
            other => other.label(),
        };
        match cond {
            Cond::AtLeast(v, x) => format!("{} at least {x}", var(v)),
            Cond::AtMost(v, x) => format!("{} at most {x}", var(v)),
            Cond::Flag(f) => self.world.flag_name(f).to_string(),
            Cond::NoFlag(f) => format!("no {}", self.world.flag_name(f)),
            Cond::Country(ids) => {
                let names: Vec<&str> = ids
                    .iter()
                    .map(|id| self.country(id).map_or(id.as_str(), |c| c.name.as_str()))
                    .collect();
                format!("playing {}", names.join(" or "))
            }
            Cond::Corridor(id, s) => {
                format!("{} {}", self.world.corridor_name(id), s.name())
            }
            Cond::Dominated { count, share } => {
                format!("{count} or more domains with one power over {share}%")
            }
            Cond::Ladder { count, step } => format!(
                "{count} or more powers at {} or beyond on the crisis ladder",
                step.name()
            ),
            Cond::Gained(v, x) => format!("{} up by {x} since the start", var(v)),
            Cond::Any(cs) => {
                let parts: Vec<String> = cs.iter().map(|c| self.describe(c)).collect();
                format!("one of: {}", parts.join(" or "))
            }
            Cond::Not(c) => format!("not ({})", self.describe(c)),
        }
    }
}
