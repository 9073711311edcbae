//! The dashboard's panels, one component per file.

pub mod filter_bar;
pub mod headlines;
pub mod rising;
pub mod timing;
pub mod topics;
pub mod trends;
pub mod user_topics;
pub mod views;
pub mod volume;
