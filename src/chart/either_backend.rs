//! A drawing backend that is one of two, so that one instance of every draw function (and of
//! plotters' generic layout code under it) serves both.
//!
//! Each chart's draw function is generic over `DrawingBackend`; compiled for two backends it
//! is compiled twice. The page draws on a canvas and exports SVG: drawing both through
//! `EitherBackend<Canvas, SVGBackend>` keeps one copy (about 7 KB of the gzipped page).
//! Contract: every call goes to the backend inside, unchanged; errors keep their side.

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use std::fmt;

/// One of two backends.
pub enum EitherBackend<L, R> {
    /// The first kind (the page: its canvas).
    Left(L),
    /// The second kind (the page: SVG for export).
    Right(R),
}

/// The error of whichever backend failed.
#[derive(Debug)]
pub enum EitherError<L, R> {
    /// From the first kind.
    Left(L),
    /// From the second kind.
    Right(R),
}

impl<L: fmt::Display, R: fmt::Display> fmt::Display for EitherError<L, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EitherError::Left(e) => e.fmt(f),
            EitherError::Right(e) => e.fmt(f),
        }
    }
}

impl<L: std::error::Error, R: std::error::Error> std::error::Error for EitherError<L, R> {}

/// The backend's error kind with its error moved to `side`.
fn lift<E, L, R>(
    kind: DrawingErrorKind<E>,
    side: impl FnOnce(E) -> EitherError<L, R>,
) -> DrawingErrorKind<EitherError<L, R>>
where
    E: std::error::Error + Send + Sync,
    L: std::error::Error + Send + Sync,
    R: std::error::Error + Send + Sync,
{
    match kind {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(side(e)),
        DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
    }
}

/// Calls `$method` on whichever backend is inside, lifting its error to that side.
macro_rules! forward {
    ($self:ident, $backend:ident => $call:expr) => {
        match $self {
            EitherBackend::Left($backend) => $call.map_err(|e| lift(e, EitherError::Left)),
            EitherBackend::Right($backend) => $call.map_err(|e| lift(e, EitherError::Right)),
        }
    };
}

impl<L: DrawingBackend, R: DrawingBackend> DrawingBackend for EitherBackend<L, R> {
    type ErrorType = EitherError<L::ErrorType, R::ErrorType>;

    fn get_size(&self) -> (u32, u32) {
        match self {
            EitherBackend::Left(backend) => backend.get_size(),
            EitherBackend::Right(backend) => backend.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.fill_polygon(vertices, style))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.draw_text(text, style, pos))
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        forward!(self, backend => backend.blit_bitmap(pos, size, src))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    /// The same drawing straight on an SVG backend and through either side of `EitherBackend`.
    #[test]
    fn draws_exactly_what_the_backend_inside_draws() {
        fn scene<DB: DrawingBackend>(backend: DB) {
            let area = backend.into_drawing_area();
            area.fill(&WHITE).unwrap();
            let mut chart =
                ChartBuilder::on(&area).margin(5).x_label_area_size(20).build_cartesian_2d(0..10, 0..10).unwrap();
            chart.configure_mesh().draw().unwrap();
            chart.draw_series(LineSeries::new((0..10).map(|x| (x, x)), &BLUE)).unwrap();
            area.draw(&Text::new("label", (50, 50), ("sans-serif", 12).into_font().transform(FontTransform::Rotate90)))
                .unwrap();
            area.present().unwrap();
        }
        let (mut direct, mut left, mut right) = (String::new(), String::new(), String::new());
        scene(SVGBackend::with_string(&mut direct, (200, 100)));
        scene(EitherBackend::<SVGBackend, SVGBackend>::Left(SVGBackend::with_string(&mut left, (200, 100))));
        scene(EitherBackend::<SVGBackend, SVGBackend>::Right(SVGBackend::with_string(&mut right, (200, 100))));
        assert!(direct.contains("stroke=\"#0000FF\"") && direct.contains("label\n</text>"), "{direct}");
        assert_eq!(left, direct);
        assert_eq!(right, direct);
    }
}
