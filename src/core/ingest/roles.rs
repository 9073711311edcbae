//! Which column (or JSON key) plays which role: title, published time, views, category, url,
//! body, author.
//!
//! Contract: detection is by normalised name (`Date_Posted` → `dateposted`) against ordered
//! candidate lists, first match wins; a caller's override always beats detection. Title and
//! published time are required: without them the whole file is refused, naming what was found.

use super::IngestError;
use serde::{Deserialize, Serialize};

/// Column names by role, as detected or as chosen by the user. `None`: the role is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMapping {
    /// The headline column.
    pub title: Option<String>,
    /// The publication time column.
    pub published: Option<String>,
    /// The view count column (views, points, upvotes…).
    pub views: Option<String>,
    /// The category column.
    pub category: Option<String>,
    /// The link column.
    pub url: Option<String>,
    /// The body or summary column.
    pub body: Option<String>,
    /// The author column.
    pub author: Option<String>,
}

/// Column indices by role, resolved against one file's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnRoles {
    /// Index of the title column.
    pub title: usize,
    /// Index of the published-time column.
    pub published: usize,
    /// Index of the views column.
    pub views: Option<usize>,
    /// Index of the category column.
    pub category: Option<usize>,
    /// Index of the url column.
    pub url: Option<usize>,
    /// Index of the body column.
    pub body: Option<usize>,
    /// Index of the author column.
    pub author: Option<usize>,
}

const TITLE: &[&str] = &["headline", "title", "headlinetext", "headlinetitle", "heading", "subject", "posttitle"];
const PUBLISHED: &[&str] = &[
    "publishedat",
    "published",
    "publishdate",
    "publicationdate",
    "pubdate",
    "datepublished",
    "date",
    "datetime",
    "dateposted",
    "createdat",
    "created",
    "createdutc",
    "timestamp",
    "time",
    "posted",
    "postedat",
    "updated",
    "updatedat",
];
const VIEWS: &[&str] = &[
    "views",
    "viewcount",
    "pageviews",
    "numviews",
    "reads",
    "hits",
    "numpoints",
    "points",
    "upvotes",
    "score",
    "likes",
];
const CATEGORY: &[&str] =
    &["category", "section", "topic", "flair", "linkflairtext", "tag", "tags", "categories", "subject"];
const URL: &[&str] = &["url", "link", "href", "permalink", "articleurl"];
const BODY: &[&str] =
    &["body", "text", "content", "shortdescription", "description", "summary", "abstract", "selftext"];
const AUTHOR: &[&str] = &["author", "authors", "byline", "by", "creator", "writer"];

fn normalise(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Finds the first candidate name among `columns`, skipping columns already taken.
fn find(columns: &[String], candidates: &[&str], taken: &[usize]) -> Option<usize> {
    let normalised: Vec<String> = columns.iter().map(|c| normalise(c)).collect();
    candidates
        .iter()
        .find_map(|candidate| normalised.iter().enumerate().position(|(i, n)| n == candidate && !taken.contains(&i)))
}

/// Detects the roles of `columns` by name.
pub fn detect_mapping(columns: &[String]) -> FieldMapping {
    let mut taken = Vec::new();
    let mut pick = |candidates: &[&str]| {
        let found = find(columns, candidates, &taken);
        taken.extend(found);
        found.map(|i| columns[i].clone())
    };
    let title = pick(TITLE);
    let published = pick(PUBLISHED);
    let views = pick(VIEWS);
    let url = pick(URL);
    let body = pick(BODY);
    let author = pick(AUTHOR);
    let category = pick(CATEGORY);
    FieldMapping { title, published, views, category, url, body, author }
}

impl FieldMapping {
    /// This mapping with every role the `user` set replaced by the user's choice.
    pub fn overridden_by(mut self, user: &FieldMapping) -> FieldMapping {
        let slots = [
            (&mut self.title, &user.title),
            (&mut self.published, &user.published),
            (&mut self.views, &user.views),
            (&mut self.category, &user.category),
            (&mut self.url, &user.url),
            (&mut self.body, &user.body),
            (&mut self.author, &user.author),
        ];
        for (slot, choice) in slots {
            if let Some(name) = choice {
                // An empty name switches the role off.
                *slot = (!name.is_empty()).then(|| name.clone());
            }
        }
        self
    }

    /// Resolves names to indices in `columns`; refuses a file without title or time.
    pub fn resolve(&self, columns: &[String]) -> Result<ColumnRoles, IngestError> {
        let index = |name: &Option<String>| -> Result<Option<usize>, IngestError> {
            let Some(name) = name else { return Ok(None) };
            columns
                .iter()
                .position(|c| c == name)
                .map(Some)
                .ok_or_else(|| IngestError::NoSuchColumn { name: name.clone(), found: columns.to_vec() })
        };
        let required = |name: &Option<String>, role: &'static str| {
            index(name)?.ok_or_else(|| IngestError::MissingRole { role, found: columns.to_vec() })
        };
        Ok(ColumnRoles {
            title: required(&self.title, "title")?,
            published: required(&self.published, "published time")?,
            views: index(&self.views)?,
            category: index(&self.category)?,
            url: index(&self.url)?,
            body: index(&self.body)?,
            author: index(&self.author)?,
        })
    }
}

/// What the views column counts, in the plural, for labels: "views", unless the column's name
/// says another measure (`num_points` → "points", `Upvotes` → "upvotes", `score`). Prefixes
/// like `num_` and `total_` go; a name about views, or one that is not a short word or two of
/// ASCII letters, gives "views" (the page needs no Unicode tables for a label).
pub fn views_noun(column: Option<&str>) -> String {
    const VIEWS: &str = "views";
    let Some(column) = column else { return VIEWS.to_owned() };
    let words = column.to_ascii_lowercase().replace(['_', '-', '.'], " ");
    let mut words: Vec<&str> = words.split_whitespace().collect();
    while words.len() > 1 && matches!(words[0], "num" | "n" | "nb" | "no" | "number" | "total" | "count" | "of") {
        words.remove(0);
    }
    let noun = words.join(" ");
    let is_word = !noun.is_empty()
        && noun.len() <= 16
        && words.len() <= 2
        && noun.bytes().all(|b| b.is_ascii_lowercase() || b == b' ');
    if !is_word || noun.contains("view") { VIEWS.to_owned() } else { noun }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_views_noun_comes_from_the_column_name() {
        let cases = [
            (None, "views"),
            (Some("views"), "views"),
            (Some("pageviews"), "views"),
            (Some("page_views"), "views"),
            (Some("num_points"), "points"),
            (Some("Upvotes"), "upvotes"),
            (Some("score"), "score"),
            (Some("total_shares"), "shares"),
            (Some("number_of_likes"), "likes"),
            (Some("hits 2024"), "views"),
            (Some("a_very_long_column_name_here"), "views"),
            (Some("num"), "num"),
        ];
        for (column, noun) in cases {
            assert_eq!(views_noun(column), noun, "{column:?}");
        }
    }

    fn columns(names: &str) -> Vec<String> {
        names.split(',').map(str::to_owned).collect()
    }

    #[track_caller]
    fn check(header: &str, expected: [Option<&str>; 7]) {
        let m = detect_mapping(&columns(header));
        let got = [&m.title, &m.published, &m.views, &m.category, &m.url, &m.body, &m.author].map(|r| r.as_deref());
        assert_eq!(got, expected, "header {header:?}");
    }

    #[test]
    fn detects_the_roles_of_known_headers() {
        check(
            "publish_date,headline_text",
            [Some("headline_text"), Some("publish_date"), None, None, None, None, None],
        );
        check(
            "id,title,url,num_points,num_comments,author,created_at",
            [Some("title"), Some("created_at"), Some("num_points"), None, Some("url"), None, Some("author")],
        );
        check(
            "link,headline,category,short_description,authors,date",
            [
                Some("headline"),
                Some("date"),
                None,
                Some("category"),
                Some("link"),
                Some("short_description"),
                Some("authors"),
            ],
        );
        check(
            "Post_Index,Title,Num_Comments,Upvotes,Downvotes,Upvote_Ratio,Date_Posted,Flair,Post_Category,Top_Comment_Score",
            [Some("Title"), Some("Date_Posted"), Some("Upvotes"), Some("Flair"), None, None, None],
        );
        check(
            "title,published_at,views,category",
            [Some("title"), Some("published_at"), Some("views"), Some("category"), None, None, None],
        );
        check(
            "publishedAt,Title,pageviews",
            [Some("Title"), Some("publishedAt"), Some("pageviews"), None, None, None, None],
        );
    }

    #[test]
    fn overrides_beat_detection_and_missing_roles_name_the_columns() {
        let cols = columns("when,what,views");
        let detected = detect_mapping(&cols);
        assert_eq!(detected.resolve(&cols), Err(IngestError::MissingRole { role: "title", found: cols.clone() }));
        let user = FieldMapping {
            title: Some("what".into()),
            published: Some("when".into()),
            views: Some(String::new()),
            ..FieldMapping::default()
        };
        let roles = detected.overridden_by(&user).resolve(&cols).unwrap();
        assert_eq!((roles.title, roles.published, roles.views), (1, 0, None));
        let bad = FieldMapping { title: Some("nope".into()), ..user };
        assert!(matches!(bad.resolve(&cols), Err(IngestError::NoSuchColumn { .. })));
    }
}
