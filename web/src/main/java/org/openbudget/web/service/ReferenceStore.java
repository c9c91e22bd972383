package org.openbudget.web.service;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.openbudget.io.refdata.ReferenceLibrary;
import org.openbudget.io.refdata.ReferenceLibrary.ListKind;
import org.openbudget.io.refdata.ReferenceLibrary.ListText;
import org.openbudget.io.refdata.ReferenceLibrary.ProfileText;
import org.openbudget.web.db.repositories.ReferenceDataRepository;
import org.openbudget.web.db.repositories.ReferenceDataRepository.ListVersion;
import org.openbudget.web.db.repositories.ReferenceDataRepository.ProfileVersion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The database's lists and profiles in effect, as the reference library's overlay (web/Config): the
 * library reads them before the files. They are held in memory; the database's generation is
 * looked at again at most once a second (another server on the same database), and at once after
 * this server stored a change (its transaction committed). No restart is needed.
 */
@Component
public class ReferenceStore implements ReferenceLibrary.Overlay {
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ReferenceDataRepository repo;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile long checkedAt;
    private volatile boolean stale = true;

    public ReferenceStore(ReferenceDataRepository repo) { this.repo = repo; }

    record Snapshot(long generation, Map<String, ListText> lists, Map<String, ListVersion> listVersions,
                    Map<String, ProfileText> profiles, Map<String, ProfileVersion> profileVersions) {}

    private static String key(int year, ListKind kind) { return year + "/" + kind.id(); }

    /**
     * The snapshot, looked at again when due. Only one thread reloads; the others keep reading the
     * previous snapshot meanwhile (none waits for the database while it may hold a connection).
     */
    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && !stale && System.nanoTime() - checkedAt < RECHECK_NANOS) return s;
        if (s == null) loading.lock();
        else if (!loading.tryLock()) return s;
        try {
            s = snapshot;
            if (s != null && !stale && System.nanoTime() - checkedAt < RECHECK_NANOS) return s;
            stale = false;
            long g = repo.generation();
            if (s == null || s.generation() != g) s = load(g);
            snapshot = s;
            checkedAt = System.nanoTime();
            return s;
        } finally {
            loading.unlock();
        }
    }

    private Snapshot load(long generation) {
        Map<String, ListText> lists = new HashMap<>();
        Map<String, ListVersion> listVersions = new HashMap<>();
        for (ListVersion v : repo.activeLists()) {
            ListKind kind = ListKind.of(v.list()).orElseThrow();
            listVersions.put(key(v.year(), kind), v);
            if (!v.builtIn()) {
                lists.put(key(v.year(), kind), new ListText("系统管理/" + v.year() + "/" + kind.fileName() + "（第 " + v.versionNo() + " 版）",
                        v.content(), kind.classification() && v.complete(), v.source()));
            }
        }
        Map<String, ProfileText> profiles = new HashMap<>();
        Map<String, ProfileVersion> profileVersions = new HashMap<>();
        for (ProfileVersion v : repo.activeProfiles()) {
            profileVersions.put(v.profileId(), v);
            if (!v.builtIn()) profiles.put(v.profileId(), new ProfileText("系统管理/profiles/" + v.profileId() + ".yaml（第 " + v.versionNo() + " 版）", v.content()));
        }
        return new Snapshot(generation, Map.copyOf(lists), Map.copyOf(listVersions), Map.copyOf(profiles), Map.copyOf(profileVersions));
    }

    /** Call in the transaction that stored a version: the snapshot is looked at again once it committed. */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override public void afterCompletion(int status) { stale = true; }
            });
        } else {
            stale = true;
        }
    }

    /** The snapshot as last looked at: the library asks for the generation first (outside its lock), then reads from memory. */
    private Snapshot peek() {
        Snapshot s = snapshot;
        return s != null ? s : current();
    }

    @Override public long generation() { return current().generation(); }

    @Override
    public Optional<ListText> list(int year, ListKind kind) { return Optional.ofNullable(peek().lists().get(key(year, kind))); }

    @Override
    public Optional<ProfileText> profile(String id) { return Optional.ofNullable(peek().profiles().get(id)); }

    /** Years with a stored version of some list (also one back to the built-in file). */
    @Override
    public Set<Integer> years() {
        Set<Integer> out = new TreeSet<>();
        for (ListVersion v : peek().listVersions().values()) out.add(v.year());
        return out;
    }

    /** Profiles with a stored version that has content (a profile back to its built-in file is the file's). */
    @Override
    public Set<String> profileIds() { return peek().profiles().keySet(); }

    /** The version in effect of a list, when one was stored (without content). */
    public Optional<ListVersion> listVersion(int year, ListKind kind) { return Optional.ofNullable(current().listVersions().get(key(year, kind))); }

    public Optional<ProfileVersion> profileVersion(String id) { return Optional.ofNullable(current().profileVersions().get(id)); }
}
