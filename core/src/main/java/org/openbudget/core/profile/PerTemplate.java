package org.openbudget.core.profile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What is compiled from a template (its patterns, its words), made once and kept: found by the identity of the
 * objects it is made from (a profile, its text, a block — hashing a whole template for every lookup costs more than
 * the lookup saves), strings by their value. Bounded: profiles loaded at run time come and go. Safe to share between
 * the audits that run at once.
 */
public final class PerTemplate<V> {
    private final int bound;
    private final Map<Key, V> made = new ConcurrentHashMap<>();

    public PerTemplate(int bound) {
        this.bound = bound;
    }

    /** The value made from these parts, made by {@code make} the first time they are asked for. */
    public V get(Supplier<V> make, Object... parts) {
        Key key = new Key(parts);
        V v = made.get(key);
        if (v == null) {
            v = make.get();
            if (made.size() >= bound) made.clear();
            V before = made.putIfAbsent(key, v);
            if (before != null) v = before;
        }
        return v;
    }

    /** The parts a value is made from: the same objects (strings: equal ones). */
    private static final class Key {
        private final Object[] parts;
        private final int hash;

        Key(Object[] parts) {
            this.parts = parts;
            int h = 1;
            for (Object p : parts) h = 31 * h + (p instanceof String s ? s.hashCode() : System.identityHashCode(p));
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.parts.length != parts.length) return false;
            for (int i = 0; i < parts.length; i++) {
                Object a = parts[i], b = k.parts[i];
                if (a != b && !(a instanceof String s && s.equals(b))) return false;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
