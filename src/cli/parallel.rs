//! `--threads N`: batches of input worked on by a pool of threads, their
//! results taken back in input order, so the output is the same as with one
//! thread.
//!
//! The main thread reads the input, cuts it into batches and hands each to
//! the pool together with whatever the batch needs from the state so far (for
//! `match`, a fork of the document); it then finishes the results in input
//! order, against the state as it really is by then. At most two batches per
//! thread are in flight, so memory stays flat however long the input.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Mutex, PoisonError};

use super::{Chunk, ChunkStream, CliError};

/// Input bytes per batch: large enough that handing a batch over costs
/// little, small enough that `threads × 2` of them stay a few MiB. (Never
/// more than the chunk bound, so tests that lower that bound get many
/// batches from small files.)
pub const BATCH_BYTES: usize = 1 << 18;

/// Runs `work` on every job `next_job` makes, on `threads` threads (on this
/// thread alone when `threads` is 1), and calls `finish` with the results in
/// the order the jobs were made. `next_job` and `finish` run on this thread
/// and share `state`.
pub fn run_ordered<S, J, R>(
    threads: usize,
    state: &mut S,
    mut next_job: impl FnMut(&mut S) -> Result<Option<J>, CliError>,
    work: impl Fn(J) -> R + Sync,
    mut finish: impl FnMut(&mut S, R) -> Result<(), CliError>,
) -> Result<(), CliError>
where
    J: Send,
    R: Send,
{
    if threads <= 1 {
        while let Some(job) = next_job(state)? {
            finish(state, work(job))?;
        }
        return Ok(());
    }
    let in_flight_max = threads * 2;
    let (job_tx, job_rx) = mpsc::sync_channel::<(u64, J)>(in_flight_max);
    let (result_tx, result_rx) = mpsc::channel::<(u64, R)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|scope| {
        // Owned by this closure, so that returning (also early, on an
        // error) drops it, which ends the workers.
        let job_tx = job_tx;
        for _ in 0..threads {
            let (job_rx, result_tx, work) = (&job_rx, result_tx.clone(), &work);
            scope.spawn(move || loop {
                // The lock is held only while waiting for the next job.
                let next = job_rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
                let Ok((seq, job)) = next else {
                    return; // no more jobs
                };
                if result_tx.send((seq, work(job))).is_err() {
                    return; // the main thread stopped early, on an error
                }
            });
        }
        drop(result_tx);
        let mut made = 0u64;
        let mut finished = 0u64;
        // Why reading stopped: the end of the input, or an input error, in
        // which case what was read before it is still finished and written,
        // as with one thread.
        let mut stopped: Option<Result<(), CliError>> = None;
        let mut waiting = BTreeMap::new();
        loop {
            while stopped.is_none() && made - finished < in_flight_max as u64 {
                match next_job(state) {
                    Ok(Some(job)) => {
                        job_tx.send((made, job)).map_err(|_| worker_lost())?;
                        made += 1;
                    }
                    Ok(None) => stopped = Some(Ok(())),
                    Err(error) => stopped = Some(Err(error)),
                }
            }
            if finished == made {
                return stopped.unwrap_or(Ok(()));
            }
            let (seq, result) = result_rx.recv().map_err(|_| worker_lost())?;
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&finished) {
                finish(state, result)?;
                finished += 1;
            }
        }
    })
}

fn worker_lost() -> CliError {
    CliError::Usage("internal error: a worker thread stopped".into())
}

/// Consecutive chunks of one source, about [`BATCH_BYTES`] in all.
#[derive(Debug)]
pub struct Batch {
    /// Index of the source (see [`ChunkStream::source`]).
    pub source: usize,
    /// Whether the batch starts its source.
    pub first: bool,
    /// The chunks, in order.
    pub chunks: Vec<Chunk>,
}

/// Cuts a [`ChunkStream`] into [`Batch`]es that never span two sources.
pub struct Batches {
    stream: ChunkStream,
    /// A chunk read past the end of the last batch (it starts a new source).
    held: Option<(usize, Chunk)>,
    last_source: Option<usize>,
    batch_bytes: usize,
    /// An input error met while filling the last batch.
    error: Option<CliError>,
}

impl Batches {
    /// Batches of `stream`'s chunks.
    pub fn new(stream: ChunkStream) -> Self {
        Batches {
            stream,
            held: None,
            last_source: None,
            batch_bytes: BATCH_BYTES.min(super::input::max_chunk()),
            error: None,
        }
    }

    /// The stream the batches come from (for source names).
    pub fn stream(&self) -> &ChunkStream {
        &self.stream
    }

    /// The next batch, or `None` at the end of the input. An input error
    /// ends the batch before it and comes with the next call, so what was
    /// read before it is still written, as line by line.
    pub fn next_batch(&mut self) -> Result<Option<Batch>, CliError> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        let next = match self.held.take() {
            Some(held) => Some(held),
            None => self.stream.next_chunk()?,
        };
        let Some((source, chunk)) = next else {
            return Ok(None);
        };
        let first = self.last_source != Some(source);
        self.last_source = Some(source);
        let mut bytes = chunk.text.len();
        let mut chunks = vec![chunk];
        while bytes < self.batch_bytes {
            let next = match self.stream.next_chunk() {
                Ok(next) => next,
                Err(error) => {
                    self.error = Some(error);
                    break;
                }
            };
            match next {
                Some((next_source, chunk)) if next_source == source => {
                    bytes += chunk.text.len();
                    chunks.push(chunk);
                }
                Some(other) => {
                    self.held = Some(other);
                    break;
                }
                None => break,
            }
        }
        Ok(Some(Batch {
            source,
            first,
            chunks,
        }))
    }
}

/// For commands whose output for a chunk depends on that chunk alone:
/// writes `each(chunk)`'s output for every chunk, in order, to `out`, with
/// `threads` threads.
pub fn map_chunks(
    input: &super::InputArgs,
    out: &mut impl std::io::Write,
    each: impl Fn(&Chunk, &mut Vec<u8>) -> std::io::Result<()> + Sync,
) -> Result<(), CliError> {
    let mut batches = Batches::new(ChunkStream::new(input));
    run_ordered(
        input.threads(),
        out,
        |_| batches.next_batch(),
        |batch: Batch| -> std::io::Result<Vec<u8>> {
            let mut buf = Vec::new();
            for chunk in &batch.chunks {
                each(chunk, &mut buf)?;
            }
            Ok(buf)
        },
        |out, written| {
            out.write_all(&written?)?;
            Ok(())
        },
    )
}
