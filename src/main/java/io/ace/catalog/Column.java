package io.ace.catalog;

/**
 * A table column as the catalog describes it. Type facts are those of the base type (domains
 * resolved) because they decide how a value is hashed and written.
 *
 * @param name         column name
 * @param type         the declared type as {@code format_type} prints it, e.g. {@code numeric(12,2)}
 * @param baseType     base type name ({@code pg_type.typname}), e.g. {@code numeric}, {@code _int4}
 * @param baseTypmod   typmod of the base type, -1 when unconstrained
 * @param typtype      base type kind: b base, e enum, c composite, r range, m multirange, p pseudo
 * @param builtin      the base type (and its element type for arrays) ships with PostgreSQL
 * @param array        the base type is an array
 * @param elementKind  for arrays, the element type's kind ({@code typtype}), otherwise null
 * @param hashable     the base type (or array element) has a default hash operator class
 * @param deterministicCollation false when the column uses a nondeterministic collation
 * @param collation    schema-qualified, quoted collation name for SQL, or null for non-collatable types
 */
public record Column(String name, String type, String baseType, int baseTypmod, char typtype, boolean builtin,
                     boolean array, Character elementKind, boolean hashable, boolean deterministicCollation,
                     String collation) {

    public String quoted() {
        return Identifiers.quote(name);
    }

    /** What the diff file and repair must agree on: name, declared type and collation. */
    public String signature() {
        return name + " " + type + (collation == null || collation.equals("pg_catalog.\"default\"") ? "" : " COLLATE " + collation);
    }
}
