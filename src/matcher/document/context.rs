//! A found mention in the words around it: a country's genitive before a
//! national body, a shared unit name beside the place it lies in, a place's
//! designator after it and a person's title before it.

use super::fast::TAIL_KEY;
use super::{Found, Mentions};
use crate::gazetteer::Kind;
use crate::matcher::mention::{EntityInfo, MatchKind, Mention};
use crate::matcher::Matcher;

impl<'m> Mentions<'m, '_, '_> {
    pub(super) fn mention(&mut self, found: &Found) -> Option<Mention<'m>> {
        let matcher = self.matcher;
        let mut entity = matcher.entity_at(found.target)?;
        let mut alternatives = matcher.alternatives(found);
        let text = self.text;
        let mut found = found.clone();
        // The place in the genitive right before this mention, if one is.
        let genitive = self.after_genitive.take().filter(|place| {
            let between = text
                .get(place.span.end..found.span.start)
                .unwrap_or_default();
            !between.is_empty() && between.bytes().all(|b| b == b' ')
        });
        match entity.kind() {
            // "শ্রীলঙ্কার স্বাস্থ্য মন্ত্রণালয়": right after another country's
            // genitive, a national body is that country's, not the one the
            // bare name defaults to (a body of no country, the EU, stays).
            Kind::Organization => {
                let country = genitive
                    .as_ref()
                    .and_then(|place| matcher.entity_at(place.target))
                    .filter(|place| place.kind() == Kind::Country)
                    .and_then(EntityInfo::country);
                if country.is_some() && entity.country().is_some_and(|own| Some(own) != country) {
                    return None;
                }
            }
            // "দিনাজপুরের নবাবগঞ্জে", "নবাবগঞ্জ (ঢাকা) প্রতিনিধি": a name several
            // units share is the one inside the place in the genitive before
            // it, or in parentheses after it (the news dateline), when the
            // pick is not.
            Kind::Subdivision | Kind::City => {
                let in_parentheses = || {
                    self.pending.get(self.next).filter(|next| {
                        let between = text.get(found.span.end..next.span.start);
                        let after = text.get(next.span.end..).unwrap_or_default();
                        between.is_some_and(|b| b.trim() == "(")
                            && after.trim_start().starts_with(')')
                    })
                };
                let place = genitive.as_ref().or_else(in_parentheses);
                if let Some(inside) = place.and_then(|place| matcher.inside_place(&found, place)) {
                    found.target = inside;
                    entity = matcher.entity_at(inside)?;
                    alternatives = matcher.alternatives(&found);
                }
            }
            _ => {}
        }
        let (encoder, normalizer) = (&matcher.encoder, &matcher.normalizer);
        // A place in the genitive, its designator's included (ভোলা জেলার),
        // for the mention after it; only a word with a suffix can be one.
        if found.span.end > found.stem_end
            && matches!(
                entity.kind(),
                Kind::Country | Kind::Subdivision | Kind::City
            )
        {
            let mut tail = [0; TAIL_KEY];
            let genitive = encoder
                .tail_key(text, found.stem_end, &mut tail)
                .is_some_and(|tail| matcher.suffixes.has_genitive(tail));
            if genitive {
                self.after_genitive = Some(found.clone());
            }
        }
        // The span leaves out a place's designator after it ("ভোলা জেলার")
        // and a person's title before ("অধ্যাপক আনিসুজ্জামান"): see `tail`.
        let stem = text
            .get(found.span.start..found.stem_end)
            .unwrap_or_default();
        match entity.kind() {
            Kind::Subdivision => {
                if let Some(keep) = matcher
                    .suffixes
                    .without_designator(encoder, normalizer, stem)
                {
                    found.stem_end = found.span.start + keep;
                    found.span.end = found.stem_end;
                }
            }
            Kind::Person => {
                if let Some(skip) = matcher.suffixes.title_len(encoder, normalizer, stem) {
                    found.span.start += skip;
                }
            }
            _ => {}
        }
        let start = self.chars.char_offset(found.span.start);
        let stem_char_end = self.chars.char_offset(found.stem_end);
        let end = self.chars.char_offset(found.span.end);
        Some(Mention {
            span: found.span.clone(),
            char_span: start..end,
            stem_end: found.stem_end,
            stem_char_end,
            entity,
            alternatives,
            kind: found.kind,
            score: found.score,
        })
    }
}

impl Matcher {
    /// Every entity the name of `found` may be (its pick among them), name
    /// parts left out.
    fn readings<'a>(&'a self, found: &Found) -> impl Iterator<Item = u32> + 'a {
        let range = found.alternatives.start as usize..found.alternatives.end as usize;
        self.table(found.table)
            .entries
            .get(range)
            .unwrap_or_default()
            .iter()
            .filter(|e| e.kind != MatchKind::Partial)
            .map(|e| e.target)
    }

    /// The entities `found`'s name may be other than its pick, each once.
    fn alternatives(&self, found: &Found) -> Vec<&EntityInfo> {
        self.readings(found)
            .filter(|&t| t != found.target)
            .filter_map(|t| self.entity_at(t))
            .fold(Vec::new(), |mut all, e| {
                if !all.iter().any(|seen| core::ptr::eq(*seen, e)) {
                    all.push(e);
                }
                all
            })
    }

    /// True when `target` lies in `place`, by its parents.
    fn lies_in(&self, target: u32, place: u32) -> bool {
        let mut at = target;
        // Parent chains are short (upazila, district, division, country).
        for _ in 0..8 {
            match self.entity_at(at).and_then(EntityInfo::parent) {
                Some(parent) if parent == place => return true,
                Some(parent) => at = parent,
                None => return false,
            }
        }
        false
    }

    /// Another reading of `found`'s name, a unit or a city, that lies in
    /// `place`, when its pick does not. The place's readings are tried in
    /// turn, its pick first: রংপুরের is the district before the division
    /// (which holds both পীরগঞ্জ), ঢাকার the city, then the district.
    fn inside_place(&self, found: &Found, place: &Found) -> Option<u32> {
        let places = [place.target]
            .into_iter()
            .chain(self.readings(place).filter(|&p| p != place.target));
        for place in places {
            if self.lies_in(found.target, place) {
                return None;
            }
            let inside = self.readings(found).find(|&t| {
                self.entity_at(t)
                    .is_some_and(|e| matches!(e.kind(), Kind::Subdivision | Kind::City))
                    && self.lies_in(t, place)
            });
            if inside.is_some() {
                return inside;
            }
        }
        None
    }
}
