//! The map: its data, and the widget drawn into a test terminal.

use multivector::map::{
    Atlas, CorridorStatus, MapView, MapWidget, Mark, Tag, Texture, Zoom, atlas,
    country_ids_in_view, country_name,
};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

const COUNTRIES: &[&str] = &[
    "kazakhstan",
    "uzbekistan",
    "kyrgyzstan",
    "tajikistan",
    "turkmenistan",
    "afghanistan",
    "iran",
    "azerbaijan",
    "georgia",
    "armenia",
    "turkey",
    "russia",
    "china",
    "mongolia",
    "ukraine",
    "belarus",
    "moldova",
    "romania",
    "bulgaria",
    "greece",
    "poland",
    "germany",
    "belgium",
    "netherlands",
    "france",
    "austria",
    "czechia",
    "slovakia",
    "hungary",
    "serbia",
    "estonia",
    "latvia",
    "lithuania",
    "pakistan",
    "india",
];

const PLACES: &[&str] = &[
    "karabakh",
    "syria",
    "ukraine",
    "brussels",
    "berlin",
    "warsaw",
    "moscow",
    "beijing",
    "ankara",
    "afghan_border",
    "aktau",
    "kant",
    "novorossiysk",
    "xinjiang",
    "caspian",
];

const CAPITALS: &[&str] = &[
    "astana", "tashkent", "bishkek", "dushanbe", "ashgabat", "baku", "moscow", "beijing", "ankara",
    "brussels", "tbilisi", "yerevan", "kabul", "tehran", "berlin", "warsaw",
];

const CORRIDORS: &[&str] = &[
    "middle_corridor",
    "cpc_pipeline",
    "china_gas_pipeline",
    "cku_railway",
    "trans_caspian_pipeline",
];

const ALL_CORRIDORS: &[(&str, CorridorStatus)] = &[
    ("middle_corridor", CorridorStatus::Open),
    ("cpc_pipeline", CorridorStatus::Blocked),
    ("china_gas_pipeline", CorridorStatus::Building),
    ("trans_caspian_pipeline", CorridorStatus::Planned),
    ("cku_railway", CorridorStatus::Building),
];

fn view(player: &str, zoom: Zoom) -> MapView<'_> {
    MapView {
        player,
        zoom,
        proximity: [70.0, 45.0, 20.0, 35.0],
        corridors: ALL_CORRIDORS,
        event_place: Some("aktau"),
        selected: None,
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

#[test]
fn the_embedded_assets_parse_and_hold_every_country() {
    let a = atlas();
    for id in COUNTRIES {
        let c = a.country(id).unwrap_or_else(|| panic!("no country {id}"));
        assert!(!c.rings.is_empty(), "{id} has no polygon");
        assert!(
            c.rings.iter().all(|r| r.len() >= 3),
            "{id} has a degenerate ring"
        );
    }
    assert!(a.source.contains("Natural Earth"));
    assert!(a.country("belgium").unwrap().eu);
    assert!(!a.country("turkey").unwrap().eu);
    assert_eq!(a.water.len(), 1, "the Caspian Sea");
    assert!(!a.borders.is_empty());
    assert_eq!(country_name("iran"), Some("Iran"));
    assert_eq!(country_name("atlantis"), None);
}

#[test]
fn every_place_capital_and_corridor_exists() {
    let a = atlas();
    for id in PLACES {
        assert!(a.place(id).is_some(), "no place {id}");
    }
    for id in CAPITALS {
        let c = a.capitals.iter().find(|c| c.id == *id);
        let c = c.unwrap_or_else(|| panic!("no capital {id}"));
        assert!(a.country(&c.country).is_some());
    }
    for id in CORRIDORS {
        let c = a.corridor(id).unwrap_or_else(|| panic!("no corridor {id}"));
        assert!(c.points.len() >= 2);
    }
    for p in [
        "kazakhstan",
        "uzbekistan",
        "kyrgyzstan",
        "tajikistan",
        "turkmenistan",
        "azerbaijan",
    ] {
        assert!(a.capital_of(p).is_some(), "no capital for {p}");
    }
}

#[test]
fn the_caspian_coast_is_drawn_by_the_borders() {
    // The sea is a hole in the land: no country contains its middle, and the
    // coast is a border line near each shore.
    let a = atlas();
    let (_, mid) = a.place("caspian").unwrap();
    for c in &a.countries {
        let inside = c.rings.iter().fold(false, |inside, ring| {
            let n = ring.len();
            let mut hit = inside;
            for i in 0..n {
                let (p, q) = (ring[i], ring[(i + 1) % n]);
                if (p.1 > mid.1) != (q.1 > mid.1)
                    && mid.0 < (q.0 - p.0) * (mid.1 - p.1) / (q.1 - p.1) + p.0
                {
                    hit = !hit;
                }
            }
            hit
        });
        assert!(!inside, "{} covers the Caspian", c.id);
    }
}

#[test]
fn bad_data_is_refused_with_a_position() {
    let err =
        Atlas::from_ron_str("(source: \"x\", bbox: (0, 0, 1, 1), countries: [", "()").unwrap_err();
    assert!(err.starts_with("borders.ron:1:"), "{err}");
    let borders = "(source: \"x\", bbox: (0.0, 0.0, 1.0, 1.0), countries: [\
        (id: \"a\", name: \"A\", rings: [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]])])";
    let err = Atlas::from_ron_str(
        borders,
        "(capitals: [(id: \"c\", name: \"C\", country: \"b\", at: (0.5, 0.5))], places: [], corridors: [])",
    )
    .unwrap_err();
    assert!(err.contains("unknown country `b`"), "{err}");
}

#[test]
fn neighbours_are_the_countries_that_share_a_border() {
    let a = atlas();
    for (x, y) in [
        ("uzbekistan", "kazakhstan"),
        ("uzbekistan", "afghanistan"),
        ("kyrgyzstan", "china"),
        ("tajikistan", "afghanistan"),
        ("turkmenistan", "iran"),
        ("kazakhstan", "russia"),
        ("azerbaijan", "georgia"),
        ("turkey", "georgia"),
    ] {
        assert!(a.borders_with(x, y), "{x} and {y} share a border");
        assert!(a.borders_with(y, x), "{y} and {x} share a border");
    }
    for (x, y) in [
        ("uzbekistan", "georgia"),
        ("uzbekistan", "russia"),
        ("kazakhstan", "azerbaijan"), // across the Caspian only
        ("tajikistan", "turkmenistan"),
        ("kyrgyzstan", "afghanistan"),
    ] {
        assert!(!a.borders_with(x, y), "{x} and {y} do not border");
    }
}

#[test]
fn countries_in_view_run_west_to_east() {
    let region = country_ids_in_view(Zoom::Region);
    for id in [
        "kazakhstan",
        "uzbekistan",
        "turkmenistan",
        "azerbaijan",
        "iran",
        "russia",
        "china",
    ] {
        assert!(region.contains(&id), "{id} not in the region view");
    }
    assert!(!region.contains(&"france"));
    let pos = |id| region.iter().position(|c| *c == id).unwrap();
    assert!(pos("azerbaijan") < pos("turkmenistan"));
    assert!(pos("turkmenistan") < pos("kyrgyzstan"));
    let eurasia = country_ids_in_view(Zoom::Eurasia);
    for id in ["belgium", "germany", "china", "turkey", "mongolia"] {
        assert!(eurasia.contains(&id), "{id} not in the Eurasia view");
    }
    assert!(
        eurasia.iter().position(|c| *c == "belgium") < eurasia.iter().position(|c| *c == "china")
    );
}

#[test]
fn snapshot_kazakhstan_region() {
    let mut v = view("kazakhstan", Zoom::Region);
    v.selected = Some("uzbekistan");
    insta::assert_snapshot!(terminal(v, 80, 24).backend());
}

#[test]
fn snapshot_kazakhstan_eurasia() {
    insta::assert_snapshot!(terminal(view("kazakhstan", Zoom::Eurasia), 80, 24).backend());
}

#[test]
fn snapshot_tajikistan_region() {
    let mut v = view("tajikistan", Zoom::Region);
    v.proximity = [85.0, 60.0, 10.0, 5.0];
    v.event_place = Some("afghan_border");
    insta::assert_snapshot!(terminal(v, 80, 24).backend());
}

#[test]
fn snapshot_tajikistan_eurasia() {
    let mut v = view("tajikistan", Zoom::Eurasia);
    v.event_place = Some("brussels");
    v.selected = Some("turkey");
    insta::assert_snapshot!(terminal(v, 80, 24).backend());
}

#[test]
fn snapshot_ascii_without_colour() {
    let mut v = view("uzbekistan", Zoom::Region);
    v.ascii = true;
    v.color = false;
    let buf = render(v, 80, 24);
    assert!(
        rows(&buf).iter().all(|r| r.is_ascii()),
        "non-ASCII in ASCII mode"
    );
    insta::assert_snapshot!(terminal(v, 80, 24).backend());
}

/// Every label the map prints reads whole: for each capital in view whose
/// name appears, it appears once, letter for letter, on one row.
#[test]
fn labels_do_not_overlap() {
    for (w, h) in [(40, 12), (80, 24), (120, 40), (200, 60)] {
        for zoom in [Zoom::Region, Zoom::Eurasia] {
            for player in ["kazakhstan", "tajikistan", "azerbaijan"] {
                let buf = render(view(player, zoom), w, h);
                let text = rows(&buf).join("\n");
                let capital = atlas().capital_of(player).unwrap();
                assert!(
                    text.contains(capital.name.as_str()),
                    "{player}'s capital {} missing at {w}x{h} {zoom:?}:\n{text}",
                    capital.name
                );
                for c in &atlas().capitals {
                    let n = text.matches(c.name.as_str()).count();
                    assert!(n <= 1, "{} printed {n} times", c.name);
                }
            }
        }
    }
    // The powers' capitals are all named in the Eurasia view at 120x40.
    let text = rows(&render(view("kazakhstan", Zoom::Eurasia), 120, 40)).join("\n");
    for name in ["Astana", "Moscow", "Beijing", "Ankara", "Brussels"] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
    // In the region view they are off the map: arrows name the powers.
    let text = rows(&render(view("kazakhstan", Zoom::Region), 120, 40)).join("\n");
    for name in ["Russia", "China", "Turkey", "EU"] {
        assert!(text.contains(name), "{name} arrow missing:\n{text}");
    }
}

#[test]
fn tiny_and_odd_areas_do_not_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (0, 5),
        (5, 0),
        (1, 30),
        (30, 1),
        (2, 2),
        (3, 7),
        (400, 3),
    ] {
        for zoom in [Zoom::Region, Zoom::Eurasia] {
            for ascii in [false, true] {
                let mut v = view("kazakhstan", zoom);
                v.ascii = ascii;
                v.selected = Some("china");
                render(v, w, h);
            }
        }
    }
    // Unknown ids and wild numbers are ignored.
    let v = MapView {
        player: "atlantis",
        zoom: Zoom::Eurasia,
        proximity: [f64::NAN, -5.0, 1e9, f64::INFINITY],
        corridors: &[("nowhere", CorridorStatus::Open)],
        event_place: Some("nowhere"),
        selected: Some("nowhere"),
        ascii: false,
        color: false,
        marks: &[Mark {
            country: "nowhere",
            texture: Texture::Rows,
            color: Color::Red,
        }],
        tags: &[Tag {
            country: "atlantis",
            text: "R60",
            color: Color::Red,
        }],
        highlight: &["nowhere", "moscow"],
        ..Default::default()
    };
    render(v, 80, 24);
    // An area outside the buffer is clipped to it.
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 10));
    MapWidget {
        view: view("kazakhstan", Zoom::Region),
    }
    .render(Rect::new(5, 5, 50, 50), &mut buf);
}

/// Prints the map, for a look by eye: `MAP_PRINT=1 cargo test --test map print -- --nocapture`.
#[test]
fn print_for_review() {
    if std::env::var_os("MAP_PRINT").is_none() {
        return;
    }
    let (w, h) = std::env::var("MAP_SIZE")
        .ok()
        .and_then(|s| {
            let (a, b) = s.split_once('x')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        })
        .unwrap_or((120, 40));
    for zoom in [Zoom::Region, Zoom::Eurasia] {
        let mut v = view("kazakhstan", zoom);
        v.selected = Some("iran");
        println!("{}", rows(&render(v, w, h)).join("\n"));
    }
}

/// The committed asset was made by the committed tool: its clip box and
/// tolerances are the tool's. (Re-running the tool needs the world-atlas
/// package, which CI does not have; docs/map.md says how.)
#[test]
fn the_asset_matches_the_tool() {
    let tool = include_str!("../../tools/build_map.py");
    let asset = include_str!("../../assets/map/borders.ron");
    let constant = |name: &str| {
        tool.lines()
            .find_map(|l| l.strip_prefix(&format!("{name} = ")))
            .unwrap_or_else(|| panic!("no {name} in the tool"))
            .trim()
            .to_string()
    };
    let bbox: Vec<f64> = constant("BBOX")
        .trim_matches(|c| c == '(' || c == ')')
        .split(',')
        .map(|v| v.trim().parse().unwrap())
        .collect();
    assert_eq!(bbox, atlas().bbox.to_vec());
    let tolerances = format!(
        "tolerance {}/{}/{} deg",
        constant("TOL_FOCUS"),
        constant("TOL_MAIN"),
        constant("TOL_CONTEXT")
    );
    assert!(
        asset.contains(&tolerances),
        "asset not made with {tolerances}"
    );
    assert!(asset.contains("python3 tools/build_map.py"));
    assert!(asset.starts_with("// Borders of Eurasia"));
}
