//! Cutting the work of one run into units for several readers (threads or web workers), and the order they merge in.
//!
//! A file larger than a reader's share (and than two `part_bytes`) is cut into
//! byte ranges ([`Split`]), each counted by its own [`Counter`](crate::Counter)
//! with [`Counter::begin_part`](crate::Counter::begin_part). The other files go in
//! contiguous groups of about equal size, one counter per group. Readers take
//! the units largest first ([`Plan::largest_first`]); the counters are merged in
//! file order ([`Plan::files`]), a file's ranges with
//! [`Counter::merge_parts`](crate::Counter::merge_parts), so the report does not
//! depend on the number of readers.
//!
//! Planning is in two steps because reading a file's first bytes is the
//! caller's business (a file on disk, a `Blob` in a browser): [`wanted_ranges`]
//! says which files would be cut, the caller reads their first
//! [`HEAD_BYTES`](crate::split::HEAD_BYTES), and [`plan`] cuts them.
//!
//! ```
//! use engine::plan::{plan, wanted_ranges, FilePlan};
//!
//! let big = b"date,key\n2026-01-01,a\n".repeat(1000);
//! let sizes = [big.len() as u64, 10];
//! let wanted = wanted_ranges(&sizes, 2, 1000);
//! assert_eq!(wanted, [2, 1]);
//! let heads = [Some(big.clone()), None];
//! let plan = plan(&sizes, &heads, 2, 1000);
//! assert!(matches!(&plan.files[0], FilePlan::Parts(units) if units.len() == 2));
//! assert!(matches!(plan.files[1], FilePlan::InGroup(_)));
//! ```

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::split::{Part, Split};

/// A piece of work for one reader and one counter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    /// Contiguous files (indices into the run's files), read whole into one counter.
    Files(Range<usize>),
    /// One byte range of a file.
    Part { file: usize, part: Part },
}

/// How a file's counts come back: in a group's counter, or as the counters of its ranges.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FilePlan {
    /// Counted whole, in this unit (with the other files of its group).
    InGroup(usize),
    /// Cut into these units, one per range, in file order.
    Parts(Vec<usize>),
}

/// The units of a run and how their counters merge back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub units: Vec<Unit>,
    /// Bytes of each unit.
    pub bytes: Vec<u64>,
    /// One entry per file, in file order.
    pub files: Vec<FilePlan>,
    /// The head (BOM and header line) of each file cut into ranges, for [`Counter::begin_part`](crate::Counter::begin_part).
    pub heads: Vec<Option<Vec<u8>>>,
}

impl Plan {
    /// The units, largest first: the order in which readers should take them.
    pub fn largest_first(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.units.len()).collect();
        order.sort_by_key(|&u| std::cmp::Reverse(self.bytes[u]));
        order
    }

    /// How many byte ranges the files were cut into in all.
    pub fn ranges(&self) -> usize {
        self.units.iter().filter(|u| matches!(u, Unit::Part { .. })).count()
    }
}

/// For each file, the number of ranges it would be cut into by `readers` readers (1: read whole).
/// A file with 2 or more needs its first bytes given to [`plan`].
pub fn wanted_ranges(sizes: &[u64], readers: usize, part_bytes: u64) -> Vec<usize> {
    let readers = readers.max(1);
    let total: u64 = sizes.iter().sum();
    let share = total.div_ceil(readers as u64).max(1);
    sizes
        .iter()
        .map(|&size| {
            let n = size.div_ceil(share).min(size / part_bytes.max(1)).min(readers as u64);
            if readers > 1 && n >= 2 {
                n as usize
            } else {
                1
            }
        })
        .collect()
}

/// Cuts the work for `readers` readers. `first_bytes[i]` holds the first bytes of file `i` (at
/// least its head; [`HEAD_BYTES`](crate::split::HEAD_BYTES) are nearly always enough) where
/// [`wanted_ranges`] asked for them; a file without them, or one [`Split`] will not cut, is read whole.
pub fn plan(sizes: &[u64], first_bytes: &[Option<Vec<u8>>], readers: usize, part_bytes: u64) -> Plan {
    let readers = readers.max(1);
    let total: u64 = sizes.iter().sum();
    let share = total.div_ceil(readers as u64).max(1);
    let mut plan = Plan { heads: vec![None; sizes.len()], ..Plan::default() };
    let mut whole: Vec<usize> = Vec::new();
    let mut cut: Vec<Option<Vec<Part>>> = vec![None; sizes.len()];
    for (i, (&size, n)) in sizes.iter().zip(wanted_ranges(sizes, readers, part_bytes)).enumerate() {
        // A workbook or any other file that is not text is read whole (and said for what it is).
        let text = |head: &[u8]| crate::workbook::sniff(head) == crate::workbook::Content::Text;
        if let (true, Some(Some(head))) = (n >= 2, first_bytes.get(i).filter(|h| h.as_deref().is_some_and(text))) {
            let split = Split::new(head, size);
            if split.can_split() {
                cut[i] = Some(split.parts(n));
                plan.heads[i] = Some(head[..split.head_len()].to_vec());
                continue;
            }
        }
        whole.push(i);
    }
    // The files read whole, in contiguous groups of about equal size.
    let groups_for = (whole.iter().map(|&i| sizes[i]).sum::<u64>().div_ceil(share) as usize).clamp(1, readers);
    let mut group_of = vec![usize::MAX; sizes.len()];
    // Runs of consecutive whole files are grouped; a cut file breaks a run.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for &i in &whole {
        match runs.last_mut() {
            Some(run) if run.last() == Some(&(i - 1)) => run.push(i),
            _ => runs.push(vec![i]),
        }
    }
    for run in runs {
        let run_sizes: Vec<u64> = run.iter().map(|&i| sizes[i]).collect();
        for range in groups(&run_sizes, groups_for.min(run.len())) {
            let files = run[range.start]..run[range.end - 1] + 1;
            for f in files.clone() {
                group_of[f] = plan.units.len();
            }
            plan.bytes.push(sizes[files.clone()].iter().sum());
            plan.units.push(Unit::Files(files));
        }
    }
    for (i, parts) in cut.into_iter().enumerate() {
        match parts {
            Some(parts) => {
                let mut ids = Vec::new();
                for part in parts {
                    ids.push(plan.units.len());
                    plan.bytes.push(part.len());
                    plan.units.push(Unit::Part { file: i, part });
                }
                plan.files.push(FilePlan::Parts(ids));
            }
            None => plan.files.push(FilePlan::InGroup(group_of[i])),
        }
    }
    plan
}

/// Contiguous groups of files, about equal in bytes, at most `readers` of them, none empty.
fn groups(sizes: &[u64], readers: usize) -> Vec<Range<usize>> {
    let total: u64 = sizes.iter().sum();
    let share = total.div_ceil(readers as u64);
    let mut groups = Vec::with_capacity(readers);
    let (mut start, mut acc) = (0, 0u64);
    for (i, size) in sizes.iter().enumerate() {
        acc += size;
        let left = sizes.len() - i - 1;
        let groups_left = readers - groups.len() - 1;
        if (acc >= share && groups_left > 0) || left < groups_left {
            groups.push(start..i + 1);
            start = i + 1;
            acc = 0;
        }
    }
    if start < sizes.len() {
        groups.push(start..sizes.len());
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rows: usize) -> Vec<u8> {
        let mut f = b"date,key\n".to_vec();
        for i in 0..rows {
            f.extend_from_slice(format!("2026-01-01,k{i}\n").as_bytes());
        }
        f
    }

    #[test]
    fn one_reader_reads_every_file_whole_in_one_group() {
        let plan = plan(&[100, 200, 300], &[None, None, None], 1, 1);
        assert_eq!(plan.units, vec![Unit::Files(0..3)]);
        assert_eq!(plan.files, vec![FilePlan::InGroup(0); 3]);
    }

    #[test]
    fn small_files_go_in_contiguous_groups_of_about_equal_size() {
        let plan = plan(&[10, 10, 10, 10], &[None, None, None, None], 2, 1000);
        assert_eq!(plan.units, vec![Unit::Files(0..2), Unit::Files(2..4)]);
        assert_eq!(
            plan.files,
            vec![FilePlan::InGroup(0), FilePlan::InGroup(0), FilePlan::InGroup(1), FilePlan::InGroup(1)]
        );
    }

    #[test]
    fn groups_are_contiguous_and_cover_all() {
        for (sizes, readers) in [
            (vec![10u64], 2usize),
            (vec![1, 1, 1, 1], 2),
            (vec![100, 1, 1, 1], 2),
            (vec![1, 1, 1, 100], 2),
            (vec![5, 5, 5, 5, 5], 3),
            (vec![0, 0, 0], 3),
        ] {
            let groups = groups(&sizes, readers);
            assert!(groups.len() <= readers && !groups.is_empty(), "{sizes:?} {groups:?}");
            let mut next = 0;
            for g in &groups {
                assert_eq!(g.start, next);
                assert!(g.end > g.start);
                next = g.end;
            }
            assert_eq!(next, sizes.len());
        }
        assert_eq!(groups(&[1, 1, 1, 1], 2), vec![0..2, 2..4]);
        assert_eq!(groups(&[100, 1, 1, 1], 2), vec![0..1, 1..4]);
    }

    #[test]
    fn a_large_file_is_cut_into_ranges_that_cover_it() {
        let big = file(2000);
        let sizes = [big.len() as u64, 50];
        assert_eq!(wanted_ranges(&sizes, 3, 1000), [3, 1]);
        let plan = plan(&sizes, &[Some(big[..4096].to_vec()), None], 3, 1000);
        let FilePlan::Parts(units) = &plan.files[0] else { panic!("not cut: {plan:?}") };
        assert_eq!(units.len(), 3);
        let parts: Vec<&Part> = units
            .iter()
            .map(|&u| match &plan.units[u] {
                Unit::Part { file: 0, part } => part,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts[2].end, big.len() as u64);
        assert!(parts.windows(2).all(|w| w[0].end == w[1].start));
        assert_eq!(plan.heads[0].as_deref(), Some(&b"date,key\n"[..]));
        assert_eq!(plan.ranges(), 3);
        // The largest unit first.
        assert_eq!(plan.bytes[plan.largest_first()[0]], *plan.bytes.iter().max().unwrap_or(&0));
    }

    #[test]
    fn a_workbook_or_a_binary_file_is_read_whole() {
        let mut book = b"PK\x03\x04\x14\0\0\0[Content_Types].xml xl/workbook.xml\n".to_vec();
        book.resize(2000, b'x');
        for head in [book, b"%PDF-1.7\n".repeat(300)] {
            let plan = plan(&[head.len() as u64], &[Some(head.clone())], 2, 1000);
            assert_eq!(plan.units, vec![Unit::Files(0..1)]);
        }
    }

    #[test]
    fn a_file_without_its_first_bytes_is_read_whole() {
        let big = file(2000);
        let plan = plan(&[big.len() as u64], &[None], 2, 1000);
        assert_eq!(plan.units, vec![Unit::Files(0..1)]);
    }
}
