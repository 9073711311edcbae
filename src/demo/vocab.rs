//! The words of the demo: recurring topics, each with who acts, what they do and to what.
//! Names are invented; any likeness to real people is accidental.

/// One recurring news topic of the demo.
pub struct Topic {
    /// Relative share of everyday coverage.
    pub weight: f64,
    /// Median views of its articles.
    pub median_views: f64,
    /// Who acts; a leading `+` marks a plural subject (its verb loses the third-person `s`).
    pub subjects: &'static [&'static str],
    /// What they do, as third-person singular verb phrases.
    pub actions: &'static [&'static str],
    /// To what.
    pub objects: &'static [&'static str],
}

/// Endings that some headlines get.
pub const CONTEXTS: &[&str] = &[
    "amid growing pressure",
    "after weeks of talks",
    "as deadline nears",
    "despite protests",
    "ahead of key vote",
    "in surprise move",
    "as costs mount",
    "after court ruling",
];

/// Sentences that open a body.
pub const BODY_OPENERS: &[&str] = &[
    "Officials confirmed the details on",
    "The announcement came on",
    "Reporters learned on",
    "Sources close to the talks said on",
    "The statement was published on",
];

/// The demo's topics.
pub const TOPICS: &[Topic] = &[
    Topic {
        weight: 3.0,
        median_views: 900.0,
        subjects: &[
            "Election commission",
            "Opposition leader Maria Ortega",
            "Prime Minister Daniel Reyes",
            "+Voters in Northport",
            "Ruling party",
        ],
        actions: &["calls for", "warns of", "rejects", "announces", "defends", "pushes for"],
        objects: &[
            "early election",
            "recount in three districts",
            "new polling rules",
            "televised debate",
            "coalition deal",
            "campaign spending cap",
        ],
    },
    Topic {
        weight: 2.5,
        median_views: 700.0,
        subjects: &["Central bank", "Finance Minister Lena Hart", "Bank governor", "+Markets", "+Mortgage lenders"],
        actions: &["raises", "holds", "cuts", "signals change to", "braces for", "reacts to"],
        objects: &[
            "interest rates",
            "inflation target",
            "bond purchases",
            "currency reserves",
            "household borrowing limits",
        ],
    },
    Topic {
        weight: 2.0,
        median_views: 1400.0,
        subjects: &[
            "+Firefighters",
            "+Emergency services",
            "+Residents near Cedar Valley",
            "Forest agency",
            "Regional governor",
        ],
        actions: &["battles", "evacuates ahead of", "warns of", "struggles to contain", "counts cost of"],
        objects: &["wildfire", "heatwave", "flash floods", "record temperatures", "drought emergency"],
    },
    Topic {
        weight: 2.0,
        median_views: 1100.0,
        subjects: &["Tech regulator", "+Lawmakers", "Startup Quantia", "Chipmaker Novalith", "+Researchers"],
        actions: &["unveils", "questions", "bans", "invests in", "warns over", "tests"],
        objects: &[
            "AI chatbot rules",
            "artificial intelligence safety plan",
            "data privacy law",
            "new AI model",
            "chip export limits",
        ],
    },
    Topic {
        weight: 1.8,
        median_views: 1600.0,
        subjects: &["City United", "Coach Tomas Berg", "+Harbour Rovers", "National team", "Star striker Leo Marin"],
        actions: &["signs", "loses", "wins", "faces", "celebrates", "appeals"],
        objects: &["cup final", "transfer window deal", "derby", "title race", "record contract"],
    },
    Topic {
        weight: 1.7,
        median_views: 800.0,
        subjects: &[
            "Health ministry",
            "Hospital staff",
            "Doctors' union",
            "Vaccine maker Medora",
            "Public health agency",
        ],
        actions: &["reports", "strikes over", "approves", "expands", "warns about"],
        objects: &["flu season surge", "hospital waiting lists", "new vaccine", "nurse pay deal", "measles outbreak"],
    },
    Topic {
        weight: 1.5,
        median_views: 1000.0,
        subjects: &[
            "Foreign Minister Anna Volkova",
            "UN Security Council",
            "+Border guards",
            "Peace envoy",
            "Human Rights Council",
        ],
        actions: &["condemns", "brokers", "calls for", "investigates", "rejects"],
        objects: &["ceasefire talks", "border clashes", "sanctions package", "refugee crisis", "prisoner exchange"],
    },
    Topic {
        weight: 1.3,
        median_views: 600.0,
        subjects: &["Transport minister", "Rail operator", "Airline SkyWay", "+Commuters", "+Port workers"],
        actions: &["announces", "cancels", "delays", "protests", "approves"],
        objects: &["high-speed rail link", "fuel price rise", "airport expansion", "train strike", "new bus fares"],
    },
    Topic {
        weight: 1.2,
        median_views: 1800.0,
        subjects: &["Singer Ava Lune", "Film festival", "Streaming giant Orbit", "Actor Sam Keller", "Museum"],
        actions: &["announces", "cancels", "breaks", "celebrates", "opens"],
        objects: &["world tour", "box office record", "new series", "award nomination", "exhibition"],
    },
    Topic {
        weight: 1.0,
        median_views: 500.0,
        subjects: &["+Scientists", "Space agency", "University team", "Climate panel", "+Astronomers"],
        actions: &["discovers", "launches", "publishes", "confirms", "tracks"],
        objects: &["new exoplanet", "lunar mission", "climate report", "ocean warming data", "comet flyby"],
    },
];
