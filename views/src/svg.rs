//! Bar-and-line charts drawn with plotters' SVG backend, with a hover title on every bar and point.
//!
//! The x axis is a day number (days since the common era) so that snapshot
//! bars, daily points and month bars share one scale. Plotters draws the axes,
//! bars and lines; invisible rectangles with an SVG `<title>` are laid over
//! each bar and point, so hovering shows the exact figure.

use plotters::prelude::*;

/// A bar from day `x0` to day `x1` (exclusive), with the words shown on hover.
pub struct Bar {
    pub x0: i32,
    pub x1: i32,
    pub value: u64,
    pub title: String,
}

/// A point of the line, with the words shown on hover.
pub struct Point {
    pub x: i32,
    pub value: u64,
    pub title: String,
}

/// A range on one day, from `low` to `high`, with the words shown on hover.
pub struct Band {
    pub x: i32,
    pub low: u64,
    pub high: u64,
    pub title: String,
}

/// A further line over the main one (one sandbox's daily count): its colour comes from the
/// stylesheet through `class` (`series-0` … `series-7`); its name and values are written on it
/// (`data-series`, `data-values`) for readers and tests.
pub struct Series {
    pub class: String,
    pub name: String,
    /// (day, value), in day order.
    pub points: Vec<(i32, u64)>,
}

/// The drawing's size: a wide one for screens and print, a narrow one for phones (CSS shows one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Size {
    Wide,
    Narrow,
}

impl Size {
    /// Width and height in SVG units, and the label font size.
    fn dims(self) -> (u32, u32, u32) {
        match self {
            Size::Wide => (900, 320, 13),
            Size::Narrow => (420, 300, 15),
        }
    }

    /// The CSS class of the box that holds a drawing of this size.
    pub fn class(self) -> &'static str {
        match self {
            Size::Wide => "chart-box chart-wide",
            Size::Narrow => "chart-box chart-narrow",
        }
    }
}

/// What to draw.
pub struct ChartSpec {
    /// The chart's title: the SVG's `<title>`, read by screen readers.
    pub title: String,
    pub size: Size,
    /// First and last day shown, both included.
    pub x_range: (i32, i32),
    /// Days that get a label on the x axis, and the label of each.
    pub x_labels: Vec<(i32, String)>,
    pub bars: Vec<Bar>,
    pub line: Vec<Point>,
    /// Lines drawn over `line`, without hover targets of their own (`line`'s words say their values).
    pub series: Vec<Series>,
    /// A dashed horizontal line (the purchased number), with its hover words.
    pub level: Option<(u64, String)>,
    /// A range on one day (a prediction: its low and high), drawn as a shaded bar, with its hover words.
    pub band: Option<Band>,
    /// The language of the axis' numbers.
    pub lang: i18n::Lang,
}

const ACCENT: RGBColor = RGBColor(0x1f, 0x5f, 0xbf);
const INK: RGBColor = RGBColor(0x1d, 0x23, 0x30);
const MUTED: RGBColor = RGBColor(0x5b, 0x64, 0x75);
const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xee);

/// The SVG document of the chart, or `None` when there is nothing to draw or plotters failed.
pub fn render(spec: &ChartSpec) -> Option<String> {
    if spec.bars.is_empty() && spec.line.is_empty() && spec.band.is_none() {
        return None;
    }
    draw(spec).ok()
}

fn nice_max(v: u64) -> u64 {
    if v == 0 {
        return 10;
    }
    let v = v + v / 10;
    let mag = 10u64.pow((v as f64).log10().floor() as u32);
    for step in [1, 2, 5, 10] {
        if step * mag >= v {
            return step * mag;
        }
    }
    10 * mag
}

fn draw(spec: &ChartSpec) -> Result<String, Box<dyn std::error::Error>> {
    let top = spec
        .bars
        .iter()
        .map(|b| b.value)
        .chain(spec.line.iter().map(|p| p.value))
        .chain(spec.level.iter().map(|l| l.0))
        .chain(spec.band.iter().map(|b| b.high))
        .chain(spec.series.iter().flat_map(|s| s.points.iter().map(|p| p.1)))
        .max()
        .unwrap_or(0);
    let y_max = nice_max(top);
    let (x0, x1) = spec.x_range;
    let keys: Vec<i32> = spec.x_labels.iter().map(|l| l.0).collect();
    let (width, height, font) = spec.size.dims();
    let mut svg = String::new();
    let mut hover = String::new();
    let mut lines = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin_top(14)
            .margin_right(18)
            .margin_left(6)
            .x_label_area_size(30)
            .y_label_area_size(if spec.size == Size::Wide { 70 } else { 62 })
            .build_cartesian_2d((x0..x1 + 1).with_key_points(keys), 0u64..y_max)?;
        let labels = &spec.x_labels;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .y_labels(5)
            .x_label_formatter(&|x| labels.iter().find(|l| l.0 == *x).map(|l| l.1.clone()).unwrap_or_default())
            .y_label_formatter(&|v| super::format::fmt_count(spec.lang, *v))
            .label_style(("sans-serif", font).into_font().color(&MUTED))
            .axis_style(MUTED)
            .bold_line_style(GRID)
            .light_line_style(TRANSPARENT)
            .draw()?;
        chart.draw_series(
            spec.bars.iter().map(|b| Rectangle::new([(b.x0, b.value), (b.x1, 0)], ACCENT.mix(0.35).filled())),
        )?;
        if !spec.line.is_empty() {
            chart.draw_series(LineSeries::new(spec.line.iter().map(|p| (p.x, p.value)), ACCENT.stroke_width(2)))?;
            if spec.line.len() < 40 {
                chart.draw_series(spec.line.iter().map(|p| Circle::new((p.x, p.value), 3, ACCENT.filled())))?;
            }
        }
        if let Some(b) = &spec.band {
            chart.draw_series([Rectangle::new([(b.x - 1, b.high), (b.x + 2, b.low)], ACCENT.mix(0.3).filled())])?;
            chart.draw_series([Rectangle::new([(b.x - 1, b.high), (b.x + 2, b.low)], ACCENT.stroke_width(1))])?;
        }
        if let Some((level, _)) = &spec.level {
            if *level <= y_max {
                chart.draw_series(DashedLineSeries::new(
                    [(x0, *level), (x1 + 1, *level)],
                    8,
                    5,
                    INK.stroke_width(2),
                ))?;
            }
        }
        for line in &spec.series {
            let points: Vec<String> = line
                .points
                .iter()
                .map(|p| {
                    let (x, y) = chart.backend_coord(&(p.0, p.1.min(y_max)));
                    format!("{x},{y}")
                })
                .collect();
            let values: Vec<String> = line.points.iter().map(|p| p.1.to_string()).collect();
            lines.push_str(&format!(
                "<polyline class=\"series-line {}\" data-series=\"{}\" data-values=\"{}\" points=\"{}\"/>",
                escape(&line.class),
                escape(&line.name),
                values.join(" "),
                points.join(" ")
            ));
        }
        // Hover targets: one per bar, one vertical strip per line point, one band on the level line.
        let (_, plot_top) = chart.backend_coord(&(x0, y_max));
        let (_, plot_bottom) = chart.backend_coord(&(x0, 0));
        for b in &spec.bars {
            let (ax, ay) = chart.backend_coord(&(b.x0, b.value));
            let (bx, by) = chart.backend_coord(&(b.x1, 0));
            push_target(&mut hover, ax, ay.min(by - 4), bx, by, &b.title);
        }
        for (i, p) in spec.line.iter().enumerate() {
            let (px, _) = chart.backend_coord(&(p.x, p.value));
            let left = if i > 0 { (chart.backend_coord(&(spec.line[i - 1].x, 0)).0 + px) / 2 } else { px - 4 };
            let right = match spec.line.get(i + 1) {
                Some(n) => (chart.backend_coord(&(n.x, 0)).0 + px) / 2,
                None => px + 4,
            };
            push_target(&mut hover, left, plot_top, right, plot_bottom, &p.title);
        }
        if let Some(b) = &spec.band {
            let (ax, ay) = chart.backend_coord(&(b.x - 1, b.high));
            let (bx, by) = chart.backend_coord(&(b.x + 2, b.low));
            push_target(&mut hover, ax, ay, bx, by.max(ay + 4), &b.title);
        }
        if let Some((level, title)) = &spec.level {
            if *level <= y_max {
                let (lx, ly) = chart.backend_coord(&(x0, *level));
                let (rx, _) = chart.backend_coord(&(x1 + 1, *level));
                push_target(&mut hover, lx, ly - 4, rx, ly + 4, title);
            }
        }
        root.present()?;
    }
    // Make the document scale with its box and name it; then lay the hover targets over it.
    let head = format!("width=\"{width}\" height=\"{height}\" ");
    let named = format!(
        "class=\"chart-svg\" role=\"img\" preserveAspectRatio=\"xMidYMid meet\" aria-label=\"{}\" ",
        escape(&spec.title)
    );
    let mut svg = svg.replacen(&head, &named, 1);
    if let Some(open_end) = svg.find('>') {
        svg.insert_str(open_end + 1, &format!("<title>{}</title>", escape(&spec.title)));
    }
    match svg.rfind("</svg>") {
        Some(end) => svg.insert_str(end, &format!("{lines}<g class=\"hover-targets\">{hover}</g>")),
        None => svg.push_str(&format!("{lines}{hover}")),
    }
    Ok(svg)
}

fn push_target(out: &mut String, x0: i32, y0: i32, x1: i32, y1: i32, title: &str) {
    let (x, w) = (x0.min(x1), (x1 - x0).abs().max(2));
    let (y, h) = (y0.min(y1), (y1 - y0).abs().max(2));
    out.push_str(&format!(
        "<rect class=\"hover-target\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"#000\" fill-opacity=\"0\"><title>{}</title></rect>",
        escape(title)
    ));
}

/// Escapes text for SVG/HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
