package dev.parapet.spi;

import java.util.Locale;

/**
 * What an input's value is for, as the engine judged it from the input's documented type and format, its name,
 * its values and its description. An input may have several shapes ({@code template=statement.txt} is a file name
 * and free text); checks ask for the shapes they test. The vocabulary that assigns shapes is the engine's data
 * ({@code surface/shapes.json} in parapet-core), never a check's.
 */
public enum ValueShape {
    /** A file name or path the server may open: {@code file}, {@code template}, {@code picture=cat.png}. */
    FILE,
    /** A URL the server may fetch or call: {@code format: uri}, {@code imageUrl}, {@code webhook}. */
    URL,
    /** A place the caller is sent next: {@code next}, {@code returnTo}, {@code redirect_uri}. */
    REDIRECT,
    /** Names one object: path ids, {@code id}, {@code userId}, {@code format: uuid}. */
    IDENTIFIER,
    /** A number: {@code integer}/{@code number} types, numeric values. */
    NUMERIC,
    /** {@code true}/{@code false}. */
    BOOLEAN,
    /** Names a table, column or sort key: {@code sort}, {@code order}, {@code table}, {@code fields}. */
    SQL_NAME,
    /** Words a person types: {@code q}, {@code search}, {@code name}, {@code comment}, any plain string. */
    FREE_TEXT,
    /** A host name or address the server may contact or pass to a tool: {@code host}, {@code ip}, {@code domain}. */
    HOST,
    /** A JSONP function name: {@code callback}, {@code jsonp}. */
    CALLBACK,
    /** An e-mail address. */
    EMAIL,
    /** A user name or login. */
    USERNAME,
    /** A password or other secret the caller supplies. */
    PASSWORD,
    /** A date or time. */
    DATE,
    /** A whole XML document. */
    XML_DOCUMENT;

    /** {@code sql-name}, {@code free-text}, …: how reports and data files name it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
