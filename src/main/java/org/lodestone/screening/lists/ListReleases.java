package org.lodestone.screening.lists;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.lodestone.audit.AuditActor;
import org.lodestone.audit.AuditRecord;
import org.lodestone.audit.AuditTrail;
import org.lodestone.screening.lists.formats.ImportSink;
import org.lodestone.screening.lists.formats.ListFileReader;
import org.lodestone.screening.lists.formats.MalformedDocument;
import org.lodestone.screening.lists.formats.NotTheDeclaredFormat;
import org.lodestone.screening.lists.store.ListStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restricted lists and their releases. An import streams the file through the format's reader into the release's
 * rows, committed in chunks of {@value #CHUNK} while the release is LOADING (invisible to screening), then activates
 * it in one short transaction: the diff against the previous ACTIVE release is counted, that release becomes
 * SUPERSEDED, the new one ACTIVE, the act is audited and {@link ListReleaseActivated} published. If anything fails —
 * the file is not of the declared format, more than half of its records are rejected, it holds no entry, it is too
 * large, the database fails — the release is marked FAILED, its rows are deleted and the previous release stays
 * active. Malformed records are rejected with their line number and reason and the import goes on.
 */
public class ListReleases {

    static final int CHUNK = 1000;
    /** Rejected lines kept per release (all are counted). */
    static final int KEEP_REJECTED = 1000;

    static final String OBJECT_TYPE = "SCREENING_LIST_RELEASE";
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> KINDS = Set.of("SANCTIONS", "EXPORT_CONTROL", "NATIONAL", "OTHER");
    private static final Logger log = LoggerFactory.getLogger(ListReleases.class);

    private final ListStore store;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int keepReleases;
    private final long maxBytes;

    public ListReleases(
            ListStore store,
            TransactionTemplate transactions,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            int keepReleases,
            long maxBytes) {
        this.store = store;
        this.transactions = transactions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.keepReleases = Math.max(2, keepReleases);
        this.maxBytes = maxBytes;
    }

    /** What to import: the list (created with {@code name}, {@code publisher}, {@code kind} if new) and the file. */
    public record Upload(
            String listCode,
            String format,
            @Nullable String fileName,
            @Nullable String listName,
            @Nullable String publisher,
            @Nullable String kind) {}

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Imports a release and activates it.
     *
     * @param uploadedBy the user name, {@code system} for start-up data
     * @throws ListProblem 422 (invalid field, or the import failed: the release is FAILED, the previous one active),
     *     409 (another import of the list is running), 413 (file over {@link #maxBytes()})
     */
    public Release importRelease(Upload upload, InputStream content, String uploadedBy) {
        if (!CODE.matcher(upload.listCode()).matches()) {
            throw ListProblem.invalid(
                    "listCode", "a list code is 1 to 64 lower-case letters, digits, '.', '_' or '-', e.g. cn-uel");
        }
        ListFormat format = ListFormat.of(upload.format())
                .orElseThrow(() -> ListProblem.invalid(
                        "format",
                        "unknown format '" + cut(upload.format(), 40) + "'; expected one of "
                                + Arrays.stream(ListFormat.values())
                                        .map(ListFormat::code)
                                        .toList()));
        String kind = upload.kind() == null || upload.kind().isBlank()
                ? "OTHER"
                : upload.kind().strip();
        if (!KINDS.contains(kind)) {
            throw ListProblem.invalid("kind", "expected one of " + KINDS);
        }
        String listName = upload.listName() == null || upload.listName().isBlank()
                ? upload.listCode()
                : cut(upload.listName().strip(), 300);
        String fileName = upload.fileName() == null ? null : cut(upload.fileName(), 300);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            store.createList(
                    upload.listCode(),
                    listName,
                    upload.publisher() == null || upload.publisher().isBlank()
                            ? null
                            : cut(upload.publisher().strip(), 300),
                    kind,
                    clock.instant());
            store.lockList(upload.listCode());
            if (!store.inState(upload.listCode(), ReleaseState.LOADING).isEmpty()) {
                throw ListProblem.conflict("another release of list " + upload.listCode() + " is being imported");
            }
            store.insertRelease(id, upload.listCode(), format, fileName, uploadedBy, clock.instant());
        });

        Loader loader = new Loader(id);
        MessageDigest sha = sha256();
        var counted = new Limited(new DigestInputStream(content, sha), maxBytes);
        try {
            ListFileReader.of(format).read(counted, loader);
            loader.flush();
        } catch (NotTheDeclaredFormat e) {
            throw fail(id, "format", "the file is not " + format.code() + ": " + e.getMessage(), uploadedBy);
        } catch (MalformedDocument e) {
            throw fail(id, "file", e.getMessage(), uploadedBy);
        } catch (TooLarge e) {
            fail(id, "file", "the file is larger than the limit of " + maxBytes + " bytes", uploadedBy);
            throw ListProblem.tooLarge(maxBytes);
        } catch (IOException e) {
            throw fail(id, "file", "the file could not be read: " + e.getMessage(), uploadedBy);
        } catch (RuntimeException e) {
            log.error("import of release {} of list {} failed", id, upload.listCode(), e);
            throw fail(id, "file", "the import failed: " + e.getClass().getSimpleName(), uploadedBy);
        }
        String digest = HexFormat.of().formatHex(sha.digest());
        long candidates = loader.imported + loader.rejected;
        transactions.executeWithoutResult(s -> store.recordFile(
                id, digest, counted.count, loader.read(), loader.imported, loader.skipped, loader.rejected));
        if (loader.imported == 0) {
            throw fail(
                    id,
                    "file",
                    loader.rejected == 0
                            ? "the file holds no entries"
                            : "none of its " + loader.rejected + " records could be imported (first: line "
                                    + loader.firstRejected + ")",
                    uploadedBy);
        }
        if (loader.rejected * 2 > candidates) {
            throw fail(
                    id,
                    "file",
                    loader.rejected + " of " + candidates + " records were rejected, more than half: is the file of"
                            + " another format or broken? (first: line " + loader.firstRejected + ")",
                    uploadedBy);
        }
        try {
            activate(id, upload.listCode(), uploadedBy);
        } catch (RuntimeException e) {
            log.error("activation of release {} of list {} failed", id, upload.listCode(), e);
            throw fail(
                    id,
                    "file",
                    "the release could not be activated: " + e.getClass().getSimpleName(),
                    uploadedBy);
        }
        try {
            transactions.executeWithoutResult(
                    s -> store.purgeOlderThan(upload.listCode(), keepReleases, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("could not purge old releases of list {}", upload.listCode(), e);
        }
        return store.release(id).orElseThrow();
    }

    private void activate(UUID id, String listCode, String uploadedBy) {
        transactions.executeWithoutResult(s -> {
            store.lockList(listCode);
            Release previous = store.active(listCode).orElse(null);
            UUID previousId = previous == null ? null : previous.id();
            int[] counts = store.diffCounts(id, previousId);
            var at = clock.instant();
            store.activate(id, previousId, counts, at);
            Release r = store.release(id).orElseThrow();
            audit.record(actor(
                    AuditRecord.success("LIST_RELEASE_ACTIVATED", OBJECT_TYPE, id.toString())
                            .withDetail(listCode + ": " + r.format().code() + " file " + r.fileName() + " sha256 "
                                    + r.sha256() + "; " + r.imported() + " entries, " + r.skipped() + " skipped, "
                                    + r.rejected() + " rejected; +" + counts[0] + " ~" + counts[1] + " -" + counts[2]
                                    + (previousId == null ? "" : " against " + previousId)),
                    uploadedBy));
            events.publishEvent(
                    new ListReleaseActivated(listCode, id, previousId, counts[0], counts[1], counts[2], at));
        });
    }

    private ListProblem fail(UUID id, String field, String reason, String uploadedBy) {
        transactions.executeWithoutResult(s -> {
            store.fail(id, reason, clock.instant());
            audit.record(actor(
                    new AuditRecord(
                            "LIST_RELEASE_FAILED",
                            OBJECT_TYPE,
                            id.toString(),
                            AuditRecord.Outcome.FAILURE,
                            reason,
                            null),
                    uploadedBy));
        });
        return ListProblem.importFailed(id, field, reason);
    }

    /**
     * Marks releases left LOADING by a stopped process as FAILED and deletes their rows (at start-up, when no import
     * can be running).
     */
    public int failInterrupted() {
        List<UUID> loading = store.loading();
        for (UUID id : loading) {
            transactions.executeWithoutResult(s -> {
                store.fail(id, "interrupted: the server stopped during the import", clock.instant());
                audit.record(new AuditRecord(
                        "LIST_RELEASE_FAILED",
                        OBJECT_TYPE,
                        id.toString(),
                        AuditRecord.Outcome.FAILURE,
                        "interrupted: the server stopped during the import",
                        AuditActor.SYSTEM));
            });
        }
        return loading.size();
    }

    // ---- reads

    public List<RestrictedList> lists() {
        return store.lists();
    }

    public RestrictedList list(String code) {
        return store.list(code).orElseThrow(() -> ListProblem.notFound("no list " + cut(code, 64)));
    }

    public List<Release> releases(String listCode) {
        list(listCode);
        return store.releases(listCode);
    }

    public Release release(String listCode, UUID id) {
        return store.release(id)
                .filter(r -> r.listCode().equals(listCode))
                .orElseThrow(() -> ListProblem.notFound("no release " + id + " of list " + cut(listCode, 64)));
    }

    public List<RejectedLine> rejectedLines(String listCode, UUID id) {
        return store.rejected(release(listCode, id).id(), KEEP_REJECTED);
    }

    /** A page of the diff of an activated release against the release it replaced. */
    public List<DiffEntry> diff(String listCode, UUID id, DiffKind kind, int page, int size) {
        Release r = release(listCode, id);
        if (r.state() != ReleaseState.ACTIVE && r.state() != ReleaseState.SUPERSEDED) {
            throw ListProblem.conflict("release " + id + " was never activated (" + r.state() + "): it has no diff");
        }
        if (r.entriesPurgedAt() != null) {
            throw ListProblem.conflict("the entries of release " + id + " were purged (retention)");
        }
        if (r.previousRelease() != null
                && store.release(r.previousRelease())
                                .map(Release::entriesPurgedAt)
                                .orElse(null)
                        != null) {
            throw ListProblem.conflict("the entries of the previous release were purged (retention)");
        }
        int s = Math.clamp(size, 1, 500);
        return store.diff(id, r.previousRelease(), kind, Math.max(0, page) * s, s);
    }

    // ---- helpers

    private AuditRecord actor(AuditRecord record, String uploadedBy) {
        return "system".equals(uploadedBy) ? record.by(AuditActor.SYSTEM) : record;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Receives what the reader reads and writes it in chunks, each chunk its own transaction. */
    private final class Loader implements ImportSink {
        private final UUID release;
        private final EntryIdSet ids = new EntryIdSet();
        private final List<ListEntry> entries = new ArrayList<>(CHUNK);
        private final List<RejectedLine> rejectedLines = new ArrayList<>();
        long imported;
        long skipped;
        long rejected;
        long firstRejected;

        Loader(UUID release) {
            this.release = release;
        }

        long read() {
            return imported + skipped + rejected;
        }

        @Override
        public void entry(long line, ListEntry entry) {
            if (!ids.add(entry.entryId())) {
                rejected(line, "duplicate id '" + cut(entry.entryId(), 60) + "': the first entry with it was kept", "");
                return;
            }
            entries.add(entry);
            imported++;
            if (entries.size() >= CHUNK) {
                flush();
            }
        }

        @Override
        public void skipped(long line) {
            skipped++;
        }

        @Override
        public void rejected(long line, String reason, String excerpt) {
            rejected++;
            if (firstRejected == 0) {
                firstRejected = line;
            }
            if (rejected <= KEEP_REJECTED) {
                rejectedLines.add(new RejectedLine(line, reason, excerpt));
            }
            if (rejectedLines.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (entries.isEmpty() && rejectedLines.isEmpty()) {
                return;
            }
            transactions.executeWithoutResult(s -> {
                if (!entries.isEmpty()) {
                    store.insertEntries(release, entries);
                }
                if (!rejectedLines.isEmpty()) {
                    store.insertRejected(release, rejectedLines);
                }
            });
            entries.clear();
            rejectedLines.clear();
        }
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Counts the bytes read and stops at the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new TooLarge();
            }
        }
    }
}
