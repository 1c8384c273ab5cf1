//! The vocabulary of the model: powers, domains, world variables, and the
//! numeric quantities that conditions read and effects change.

use serde::{Deserialize, Serialize};

use super::ids::{Ids, Resolved};

/// The middle of the 0–100 scale, against which a drift rule's terms, a
/// move's utilities and the bridge's coupling are read.
pub const MIDPOINT: f64 = 50.0;

/// One of the four outside powers the player balances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Power {
    Russia,
    China,
    Turkey,
    Eu,
}

impl Power {
    pub const ALL: [Power; 4] = [Power::Russia, Power::China, Power::Turkey, Power::Eu];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn id(self) -> &'static str {
        match self {
            Power::Russia => "russia",
            Power::China => "china",
            Power::Turkey => "turkey",
            Power::Eu => "eu",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Power::Russia => "Russia",
            Power::China => "China",
            Power::Turkey => "Turkey",
            Power::Eu => "EU",
        }
    }

    pub fn holder(self) -> Holder {
        Holder::ALL[self.index()]
    }
}

/// Who holds a share of a dependence domain: one of the powers, or `other`
/// (domestic capacity and everyone else).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holder {
    Russia,
    China,
    Turkey,
    Eu,
    Other,
}

impl Holder {
    pub const ALL: [Holder; 5] = [
        Holder::Russia,
        Holder::China,
        Holder::Turkey,
        Holder::Eu,
        Holder::Other,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn power(self) -> Option<Power> {
        Power::ALL.get(self.index()).copied()
    }

    pub fn name(self) -> &'static str {
        match self.power() {
            Some(p) => p.name(),
            None => "other",
        }
    }
}

/// The five domains of external dependence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    Security,
    Trade,
    TransitEnergy,
    Finance,
    CultureInformation,
}

impl Domain {
    pub const ALL: [Domain; 5] = [
        Domain::Security,
        Domain::Trade,
        Domain::TransitEnergy,
        Domain::Finance,
        Domain::CultureInformation,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn id(self) -> &'static str {
        match self {
            Domain::Security => "security",
            Domain::Trade => "trade",
            Domain::TransitEnergy => "transit_energy",
            Domain::Finance => "finance",
            Domain::CultureInformation => "culture_information",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Domain::Security => "Security",
            Domain::Trade => "Trade",
            Domain::TransitEnergy => "Transit & energy",
            Domain::Finance => "Finance",
            Domain::CultureInformation => "Culture & information",
        }
    }
}

/// The world around the player (each 0–100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorldVar {
    RussiaStrength,
    ChinaReach,
    TurkeyStanding,
    TurkeyOverextension,
    EuCohesion,
    TurkeyEuCoupling,
    UsAttentionEurope,
}

impl WorldVar {
    pub const ALL: [WorldVar; 7] = [
        WorldVar::RussiaStrength,
        WorldVar::ChinaReach,
        WorldVar::TurkeyStanding,
        WorldVar::TurkeyOverextension,
        WorldVar::EuCohesion,
        WorldVar::TurkeyEuCoupling,
        WorldVar::UsAttentionEurope,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn id(self) -> &'static str {
        match self {
            WorldVar::RussiaStrength => "russia_strength",
            WorldVar::ChinaReach => "china_reach",
            WorldVar::TurkeyStanding => "turkey_standing",
            WorldVar::TurkeyOverextension => "turkey_overextension",
            WorldVar::EuCohesion => "eu_cohesion",
            WorldVar::TurkeyEuCoupling => "turkey_eu_coupling",
            WorldVar::UsAttentionEurope => "us_attention_europe",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            WorldVar::RussiaStrength => "Russia's strength",
            WorldVar::ChinaReach => "China's reach",
            WorldVar::TurkeyStanding => "Turkey's standing",
            WorldVar::TurkeyOverextension => "Turkish overextension",
            WorldVar::EuCohesion => "EU cohesion",
            WorldVar::TurkeyEuCoupling => "Turkey–EU coupling",
            WorldVar::UsAttentionEurope => "US attention to Europe",
        }
    }
}

/// A number in the game that conditions can read and effects can change.
/// Every change of one is recorded with its cause.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(bound = "")]
pub enum Var<I: Ids = Resolved> {
    /// Political closeness of a power to the player (0–100).
    Proximity(Power),
    /// How much drift toward rivals a power accepts before it reacts (0–100).
    Tolerance(Power),
    /// Accumulated irritation of a power with the player's drift (0–100).
    Strain(Power),
    /// A power's share of a dependence domain (0–100; a domain sums to 100).
    Share(Domain, Holder),
    World(WorldVar),
    Stability,
    /// Read-only: recomputed from the shares whenever one moves.
    Autonomy,
    /// Leverage, recomputed from its parts whenever one moves. Adding to it
    /// adds to its fading bonus (`Bonus`).
    Leverage,
    /// Diplomatic capital available now (a whole number).
    Capital,
    /// Diplomatic capital refilled each turn (a whole number).
    CapitalPerTurn,
    /// Strategic assets: transit routes, resources, bridges (0–100).
    Assets,
    /// Read-only: the number of turns played.
    Turn,
    /// Read-only: the stage of a multi-stage track (its number of stages
    /// once concluded, -1 once stalled).
    Track(I::Track),
    /// Read-only: the structural level of a share, toward which structural
    /// pull draws the share back; moved by projects and the scenario.
    Structure(Domain, Holder),
    /// Read-only part of leverage: how much of a stake a power has in the
    /// player (0–100); for the EU, through effective access to Europe.
    Stake(Power),
    /// Read-only part of leverage: the player's place as a bridge between
    /// Turkey and Europe (0–100).
    Bridge,
    /// Read-only part of leverage: what embracing one power far beyond the
    /// others costs.
    Embrace,
    /// Read-only part of leverage: Turkey's latitude (0–100), how free it is
    /// to serve its partners: less when it is absorbed into Europe's
    /// constraints (coupling very high) or overstretched. Turkey's stake,
    /// the bridge and the Turkish route to Europe count at this share.
    Latitude,
    /// Part of leverage: the bonus from powers that backed down and from
    /// events; it fades every turn.
    Bonus,
    /// Read-only: a power's initiative; it makes a move when it has a whole
    /// one (grows each turn with the power's strength).
    Initiative(Power),
}

impl Copy for Var<Resolved> {}

impl<I: Ids> Var<I> {
    /// Whether effects may change this variable.
    pub fn writable(&self) -> bool {
        !matches!(
            self,
            Var::Autonomy
                | Var::Turn
                | Var::Track(_)
                | Var::Structure(..)
                | Var::Stake(_)
                | Var::Bridge
                | Var::Embrace
                | Var::Latitude
                | Var::Bonus
                | Var::Initiative(_)
        )
    }

    /// A short human name, e.g. "Turkey proximity" or "Security: Russia
    /// share"; a track is named by `track`.
    pub fn label_with(&self, track: impl Fn(&I::Track) -> String) -> String {
        match self {
            Var::Proximity(p) => format!("{} proximity", p.name()),
            Var::Tolerance(p) => format!("{} tolerance", p.name()),
            Var::Strain(p) => format!("{} strain", p.name()),
            Var::Share(d, h) => format!("{}: {} share", d.name(), h.name()),
            Var::World(w) => w.name().to_string(),
            Var::Stability => "Stability".into(),
            Var::Autonomy => "Autonomy".into(),
            Var::Leverage => "Leverage".into(),
            Var::Capital => "Diplomatic capital".into(),
            Var::CapitalPerTurn => "Capital per turn".into(),
            Var::Assets => "Strategic assets".into(),
            Var::Turn => "Turn".into(),
            Var::Track(t) => track(t),
            Var::Structure(d, h) => format!("{}: {} structural share", d.name(), h.name()),
            Var::Stake(p) => format!("Leverage: {}'s stake", p.name()),
            Var::Bridge => "Leverage: bridge to Europe".into(),
            Var::Embrace => "Leverage: embrace penalty".into(),
            Var::Latitude => "Turkey's latitude".into(),
            Var::Initiative(p) => format!("{} initiative", p.name()),
            Var::Bonus => "Leverage: bonus".into(),
        }
    }

    /// Whether the number is kept whole (shares, capital, turns, stages).
    pub fn whole(&self) -> bool {
        matches!(
            self,
            Var::Share(..)
                | Var::Structure(..)
                | Var::Capital
                | Var::CapitalPerTurn
                | Var::Turn
                | Var::Track(_)
        )
    }
}

/// The steps of a power's crisis ladder, climbed one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LadderStep {
    Calm,
    Protest,
    Warning,
    Pressure,
    Coercion,
}

impl LadderStep {
    pub const CLIMB: [LadderStep; 4] = [
        LadderStep::Protest,
        LadderStep::Warning,
        LadderStep::Pressure,
        LadderStep::Coercion,
    ];

    pub fn next(self) -> LadderStep {
        match self {
            LadderStep::Calm => LadderStep::Protest,
            LadderStep::Protest => LadderStep::Warning,
            LadderStep::Warning => LadderStep::Pressure,
            LadderStep::Pressure | LadderStep::Coercion => LadderStep::Coercion,
        }
    }

    pub fn level(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            LadderStep::Calm => "calm",
            LadderStep::Protest => "protest",
            LadderStep::Warning => "warning",
            LadderStep::Pressure => "pressure",
            LadderStep::Coercion => "coercion",
        }
    }
}

/// The state of a corridor or pipeline on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorridorStatus {
    Planned,
    Building,
    Open,
    Blocked,
}

impl CorridorStatus {
    pub fn name(self) -> &'static str {
        match self {
            CorridorStatus::Planned => "planned",
            CorridorStatus::Building => "building",
            CorridorStatus::Open => "open",
            CorridorStatus::Blocked => "blocked",
        }
    }
}

/// Where a multi-stage track stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stage {
    /// At this stage (0 is the first of the track's stages).
    At(u8),
    /// Every stage passed.
    Concluded,
    /// Stalled for good.
    Stalled,
}

impl Stage {
    /// The stage as a number conditions read: its index, the number of
    /// stages once concluded, -1 once stalled.
    pub fn number(self, stages: usize) -> f64 {
        match self {
            Stage::At(n) => f64::from(n),
            Stage::Concluded => stages as f64,
            Stage::Stalled => -1.0,
        }
    }

    /// Whether the track can still move.
    pub fn open(self) -> bool {
        matches!(self, Stage::At(_))
    }
}
