package dev.parapet.spi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A change a check made on the target, told to the engine's undo ledger with {@link CheckContext#recordWrite}. The
 * engine lists every recorded write in the report with what became of it and, at the end of the scan, undoes what
 * the check did not undo itself ({@link CheckContext#undo}): a created object is deleted with its {@code delete}
 * request (a DELETE only with {@code --allow-delete}), a changed field is written back with {@code restore} and
 * read back with {@code read}. Each write is undone at most once. Immutable.
 */
public sealed interface Write permits Write.Created, Write.Changed {

    /** The request that made the change, as reports name it: {@code POST /api/users}. */
    String via();

    /** The object created or changed. */
    URI object();

    /**
     * An object the check created.
     *
     * @param via    the request that created it: {@code POST /api/users}
     * @param object its URL: the answer's {@code Location}, or the collection's URL with the new id
     * @param delete the request that removes it, carrying the credentials it needs (as {@link Identity#ANONYMOUS}
     *               with its own header when only the new account's token may delete it); empty when the API
     *               offers no way to delete it
     */
    record Created(String via, URI object, Optional<ProbeRequest> delete) implements Write {
        public Created {
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(object, "object");
            delete = delete == null ? Optional.empty() : delete;
        }
    }

    /**
     * A field the check changed on an object that existed before.
     *
     * @param via      the request that changed it: {@code PATCH /api/users/2}
     * @param object   the object's URL
     * @param field    the field's RFC 6901 pointer in the JSON that {@code read} answers ({@code /email})
     * @param oldValue the field's JSON value before the change ({@code "alice@example.com"}, {@code false})
     * @param newValue the JSON value the check wrote
     * @param restore  the request that writes {@code oldValue} back, as the object's owner
     * @param read     the request that reads the object, to see whether {@code oldValue} is back
     */
    record Changed(String via, URI object, String field, String oldValue, String newValue, ProbeRequest restore,
                   ProbeRequest read) implements Write {
        public Changed {
            Objects.requireNonNull(via, "via");
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(oldValue, "oldValue");
            Objects.requireNonNull(newValue, "newValue");
            Objects.requireNonNull(restore, "restore");
            Objects.requireNonNull(read, "read");
        }
    }
}
