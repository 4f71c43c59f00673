//! Pieces shared by the detection controls: settings that must name something, what a trail's
//! event selectors log, GuardDuty protection plans.

use wasp_core::Pos;
use wasp_model::{AdvancedEventSelector, Detector, FieldSelector, Trail, Value};

use crate::helpers::{fail, unknown};
use crate::Outcome;

/// A setting that must be set to a non-empty value (a log group, a topic, a key). A reference
/// to a resource of the same template or configuration is set.
pub(crate) fn must_be_set(v: &Value<String>, what: &str, missing: &str) -> Outcome {
    match v {
        Value::Known(s, p) if s.trim().is_empty() => fail(format!("{what} is empty"), Some(*p)),
        Value::Known(..) => Outcome::Pass,
        Value::Absent => fail(missing, None),
        v if v.is_reference() => Outcome::Pass,
        Value::Unknown(r, p) => unknown(format!("{what}: {r}"), Some(*p)),
    }
}

/// Which of read and write events a set of selectors covers; the first unknown on the way.
#[derive(Debug, Default)]
pub(crate) struct Coverage {
    pub read: bool,
    pub write: bool,
    /// Sources left out of the events (management events only).
    pub excluded: Vec<(String, Pos)>,
    pub unknown: Option<(String, Pos)>,
}

impl Coverage {
    fn note_unknown(&mut self, reason: &str, pos: Pos) {
        self.unknown.get_or_insert((reason.to_string(), pos));
    }

    /// Adds a read/write type (`All`, `ReadOnly`, `WriteOnly`; absent is `All`).
    fn add_read_write_type(&mut self, v: &Value<String>) {
        match v {
            Value::Absent => (self.read, self.write) = (true, true),
            Value::Known(t, _) if t.eq_ignore_ascii_case("ReadOnly") => self.read = true,
            Value::Known(t, _) if t.eq_ignore_ascii_case("WriteOnly") => self.write = true,
            Value::Known(..) => (self.read, self.write) = (true, true),
            Value::Unknown(r, p) => self.note_unknown(r, *p),
        }
    }

    /// Adds an advanced selector's `readOnly` condition (none: both).
    fn add_read_only(&mut self, f: Option<&FieldSelector>) {
        let Some(f) = f else {
            (self.read, self.write) = (true, true);
            return;
        };
        if f.other_operators || !f.not_equals.is_empty() {
            (self.read, self.write) = (true, true);
            return;
        }
        for v in &f.equals {
            match v {
                Value::Known(s, _) if s.eq_ignore_ascii_case("true") => self.read = true,
                Value::Known(s, _) if s.eq_ignore_ascii_case("false") => self.write = true,
                Value::Known(..) | Value::Absent => {}
                Value::Unknown(r, p) => self.note_unknown(r, *p),
            }
        }
    }

    /// What is missing, in words (`read`, `write`), or `None` when both are covered.
    pub fn missing(&self) -> Option<&'static str> {
        match (self.read, self.write) {
            (true, true) => None,
            (true, false) => Some("write"),
            (false, true) => Some("read"),
            (false, false) => Some("read and write"),
        }
    }
}

/// Does a field selector's `Equals` hold `wanted`? `Err` when it cannot be told statically.
fn equals(f: Option<&FieldSelector>, wanted: &str) -> Result<bool, (String, Pos)> {
    let Some(f) = f else { return Ok(false) };
    let mut unknown = None;
    for v in &f.equals {
        match v {
            Value::Known(s, _) if s.eq_ignore_ascii_case(wanted) => return Ok(true),
            Value::Unknown(r, p) => unknown = unknown.or(Some((r.to_string(), *p))),
            _ => {}
        }
    }
    unknown.map_or(Ok(false), Err)
}

/// A field selector of `s` whose field name is not statically known: the selector cannot be
/// read.
fn unknown_field(s: &AdvancedEventSelector) -> Option<(String, Pos)> {
    s.field_selectors.iter().find_map(|f| match &f.field {
        Value::Unknown(r, p) => Some((r.to_string(), *p)),
        _ => None,
    })
}

/// The management events a trail logs. Without selectors a trail logs all of them.
pub(crate) fn management_events(t: &Trail) -> Coverage {
    let mut c = Coverage::default();
    if let Some((r, p)) = &t.selectors_unknown {
        c.note_unknown(r, *p);
    }
    if !t.advanced_event_selectors.is_empty() {
        for s in &t.advanced_event_selectors {
            if let Some((r, p)) = unknown_field(s) {
                c.note_unknown(&r, p);
                continue;
            }
            match equals(s.field("eventCategory"), "Management") {
                Ok(true) => {}
                Ok(false) => continue,
                Err((r, p)) => {
                    c.note_unknown(&r, p);
                    continue;
                }
            }
            c.add_read_only(s.field("readOnly"));
            if let Some(src) = s.field("eventSource") {
                for v in &src.not_equals {
                    match v {
                        Value::Known(x, p) => c.excluded.push((x.clone(), *p)),
                        Value::Unknown(r, p) => c.note_unknown(r, *p),
                        Value::Absent => {}
                    }
                }
            }
        }
        return c;
    }
    if t.event_selectors.is_empty() {
        if t.selectors_unknown.is_none() {
            (c.read, c.write) = (true, true);
        }
        return c;
    }
    for s in &t.event_selectors {
        match &s.include_management_events {
            Value::Known(false, _) => continue,
            Value::Unknown(r, p) => {
                c.note_unknown(r, *p);
                continue;
            }
            _ => {}
        }
        c.add_read_write_type(&s.read_write_type);
        for v in &s.exclude_management_event_sources {
            match v {
                Value::Known(x, p) => c.excluded.push((x.clone(), *p)),
                Value::Unknown(r, p) => c.note_unknown(r, *p),
                Value::Absent => {}
            }
        }
    }
    c
}

/// The S3 object-level data events a trail logs (for some or all buckets). Without selectors a
/// trail logs none.
pub(crate) fn s3_object_events(t: &Trail) -> Coverage {
    const S3_OBJECT: &str = "AWS::S3::Object";
    let mut c = Coverage::default();
    if let Some((r, p)) = &t.selectors_unknown {
        c.note_unknown(r, *p);
    }
    if !t.advanced_event_selectors.is_empty() {
        for s in &t.advanced_event_selectors {
            if let Some((r, p)) = unknown_field(s) {
                c.note_unknown(&r, p);
                continue;
            }
            let data = equals(s.field("eventCategory"), "Data");
            let s3 = equals(s.field("resources.type"), S3_OBJECT);
            match (data, s3) {
                (Ok(true), Ok(true)) => c.add_read_only(s.field("readOnly")),
                (Ok(false), _) | (_, Ok(false)) => {}
                (Err((r, p)), _) | (_, Err((r, p))) => c.note_unknown(&r, p),
            }
        }
        return c;
    }
    for s in &t.event_selectors {
        for d in &s.data_resources {
            match &d.resource_type {
                Value::Known(ty, _) if ty == S3_OBJECT => c.add_read_write_type(&s.read_write_type),
                Value::Unknown(r, p) => c.note_unknown(r, *p),
                _ => {}
            }
        }
    }
    c
}

/// A GuardDuty protection plan must be on. `names`: the features that provide it (the first
/// one is named in messages); `default`: whether a new detector has it on when not set.
pub(crate) fn feature_enabled(d: &Detector, names: &[&str], default: bool, what: &str) -> Outcome {
    let set: Vec<_> = names.iter().filter_map(|n| d.feature(n)).collect();
    if set
        .iter()
        .any(|f| matches!(f.enabled, Value::Known(true, _)))
    {
        return Outcome::Pass;
    }
    if let Some(f) = set.iter().find(|f| f.enabled.is_unknown()) {
        if let Value::Unknown(r, p) = &f.enabled {
            return unknown(format!("{what}: {r}"), Some(*p));
        }
    }
    if let Some(f) = set
        .iter()
        .find(|f| matches!(f.enabled, Value::Known(false, _)))
    {
        return fail(format!("{what} is disabled"), Some(f.pos));
    }
    if let Some((r, p)) = &d.features_unknown {
        return unknown(format!("{what}: {r}"), Some(*p));
    }
    if default {
        Outcome::Pass
    } else {
        fail(
            format!("{what} is not enabled (`{}` is off by default)", names[0]),
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use wasp_model::{DataResource, EventSelector};

    use super::*;

    fn known<T>(v: T) -> Value<T> {
        Value::Known(v, Pos::new(1, 1))
    }

    fn selector(rw: &str, management: bool, s3: bool) -> EventSelector {
        EventSelector {
            read_write_type: known(rw.to_string()),
            include_management_events: known(management),
            data_resources: if s3 {
                vec![DataResource {
                    resource_type: known("AWS::S3::Object".to_string()),
                    ..DataResource::default()
                }]
            } else {
                vec![]
            },
            ..EventSelector::default()
        }
    }

    #[test]
    fn no_selectors_log_all_management_events_and_no_data_events() {
        let t = Trail::default();
        assert!(management_events(&t).missing().is_none());
        assert_eq!(s3_object_events(&t).missing(), Some("read and write"));
    }

    #[test]
    fn read_only_and_write_only_selectors_add_up() {
        let t = Trail {
            event_selectors: vec![
                selector("ReadOnly", true, true),
                selector("WriteOnly", false, true),
            ],
            ..Trail::default()
        };
        assert_eq!(management_events(&t).missing(), Some("write"));
        assert!(s3_object_events(&t).missing().is_none());
    }

    #[test]
    fn unknown_selectors_are_unknown_not_missing() {
        let t = Trail {
            selectors_unknown: Some(("a parameter".into(), Pos::new(3, 4))),
            ..Trail::default()
        };
        let m = management_events(&t);
        assert!(m.missing().is_some() && m.unknown.is_some());
        let mut u = Trail::default();
        u.advanced_event_selectors.push(AdvancedEventSelector {
            field_selectors: vec![FieldSelector {
                field: Value::Unknown("a parameter".into(), Pos::new(5, 6)),
                ..FieldSelector::default()
            }],
            ..AdvancedEventSelector::default()
        });
        assert!(s3_object_events(&u).unknown.is_some());
    }

    #[test]
    fn runtime_monitoring_is_off_by_default_and_others_on() {
        let d = Detector::default();
        assert_eq!(
            feature_enabled(&d, &["RUNTIME_MONITORING"], false, "x"),
            fail(
                "x is not enabled (`RUNTIME_MONITORING` is off by default)",
                None
            )
        );
        assert_eq!(
            feature_enabled(&d, &["S3_DATA_EVENTS"], true, "x"),
            Outcome::Pass
        );
    }
}
