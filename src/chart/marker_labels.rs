//! Where the headline labels of burst markers go: beside their marker, inside the chart, never
//! over one another.
//!
//! Contract: a label goes right of its marker when it fits before the chart's right edge, else
//! left of it (then it is drawn anchored at its right end), else it is left out; so is one that
//! would overlap the label of a taller marker (its marker stays, and its tooltip and click
//! still name it).
//! Widths are estimated from the character count (no backend here measures text), so the
//! estimate errs wide.

/// A marker's label as it is to be drawn (its text is the marker's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlacedLabel {
    /// Which marker it labels (an index into the markers given).
    pub marker: usize,
    /// Where the text is anchored, in pixels: its left end, or its right end when `left_of`.
    pub x: i32,
    /// Its top.
    pub y: i32,
    /// True when the label lies left of its marker (anchored at its right end).
    pub left_of: bool,
    /// The horizontal pixels it covers, marker included.
    pub span: (i32, i32),
}

/// Sizes the placement works with, in pixels.
#[derive(Clone, Copy, Debug)]
pub struct LabelMetrics {
    /// Estimated width of one character (errs wide).
    pub char_px: f64,
    /// Height of a line of text.
    pub line_px: i32,
    /// Gap between a marker's centre and its label.
    pub gap_px: i32,
    /// The chart's width: no label may pass it.
    pub right_edge: i32,
}

/// Labels for markers at `points` (pixel centre, text), in marker order; markers without text,
/// labels that fit on neither side and labels overlapping a taller marker's label get none.
pub fn place_marker_labels(points: &[(i32, i32, &str)], metrics: LabelMetrics) -> Vec<PlacedLabel> {
    let mut fitting = Vec::new();
    for (marker, &(px, py, text)) in points.iter().enumerate() {
        fitting.extend(fit(marker, px, py, text, metrics));
    }
    // Taller: higher on screen (a smaller y), ties to the earlier marker.
    let rank = |label: &PlacedLabel| (points[label.marker].1, label.marker);
    let hides = |other: &PlacedLabel, label: &PlacedLabel| {
        rank(other) < rank(label)
            && label.span.0 < other.span.1
            && other.span.0 < label.span.1
            && (label.y - other.y).abs() < metrics.line_px
    };
    let mut kept = Vec::new();
    for label in &fitting {
        if !fitting.iter().any(|other| hides(other, label)) {
            kept.push(*label);
        }
    }
    kept
}

/// The label of marker `marker` right of it when it fits before the right edge, else left of
/// it; `None` without text or room on either side.
fn fit(marker: usize, px: i32, py: i32, text: &str, metrics: LabelMetrics) -> Option<PlacedLabel> {
    // Bytes, not characters: a label of other scripts is estimated wider still.
    #[expect(clippy::cast_precision_loss, clippy::cast_possible_truncation, reason = "a label's few hundred pixels")]
    let width = (text.len() as f64 * metrics.char_px).ceil() as i32;
    let gap = metrics.gap_px;
    let (x, span, left_of) = if px + gap + width <= metrics.right_edge {
        (px + gap, (px, px + gap + width), false)
    } else if width <= px - gap {
        (px - gap, (px - gap - width, px), true)
    } else {
        return None;
    };
    (!text.is_empty()).then_some(PlacedLabel { marker, x, y: py - 2 * gap, left_of, span })
}

#[cfg(test)]
mod tests {
    use super::*;

    const METRICS: LabelMetrics = LabelMetrics { char_px: 6.0, line_px: 12, gap_px: 6, right_edge: 600 };

    #[test]
    fn a_label_goes_right_of_its_marker_when_it_fits_else_left() {
        let labels = place_marker_labels(&[(100, 50, "Ruling party"), (590, 80, "Ruling party")], METRICS);
        assert_eq!((labels[0].x, labels[0].left_of), (106, false));
        // 12 characters at 6 px do not fit in the 4 px right of 590: left of it, ending at 584.
        assert_eq!((labels[1].x, labels[1].left_of), (584, true));
    }

    #[test]
    fn a_label_too_long_for_either_side_is_left_out() {
        let long = "x".repeat(70);
        assert!(place_marker_labels(&[(300, 50, &long)], METRICS).is_empty());
        assert_eq!(place_marker_labels(&[(300, 50, &long[..40])], METRICS).len(), 1);
    }

    #[test]
    fn an_overlapping_label_is_left_out_and_the_taller_marker_keeps_its_own() {
        let points = [(100, 60, "Lower peak headline"), (104, 55, "Taller peak headline"), (100, 200, "Far below")];
        let labels = place_marker_labels(&points, METRICS);
        let kept: Vec<usize> = labels.iter().map(|l| l.marker).collect();
        assert_eq!(kept, [1, 2]);
    }

    #[test]
    fn markers_without_text_get_no_label() {
        assert!(place_marker_labels(&[(100, 50, "")], METRICS).is_empty());
    }
}
