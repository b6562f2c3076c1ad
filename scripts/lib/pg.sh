# Shared helpers for the scripts in scripts/. Source it; it defines functions only.
# shellcheck shell=bash

ace_log() { printf '%s\n' "$*" >&2; }

ace_die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

ace_is_root() { [ "$(id -u)" -eq 0 ]; }

# The median of the figures given; "-" when one of them is missing ("-").
ace_median() {
    printf '%s\n' "$@" | sort -g |
        awk '$1 == "-" {missing = 1} {a[NR] = $1} END {print missing ? "-" : (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# Debian package names, kept in one place so both scripts install the same thing.
ACE_PG_PACKAGES=(postgresql-15 postgresql-15-pglogical)

ace_pg_bindir() {
    local d
    d=$(pg_config --bindir 2>/dev/null) || return 1
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && [ -x "$d/psql" ] || return 1
    printf '%s\n' "$d"
}

ace_have_pglogical() {
    local d
    d=$(pg_config --pkglibdir 2>/dev/null) || return 1
    [ -f "$d/pglogical.so" ]
}

# apt-get update only once per process: it is the slow part.
_ACE_APT_UPDATED=0
ace_apt_install() {
    [ "$#" -gt 0 ] || return 0
    if [ "$_ACE_APT_UPDATED" -eq 0 ]; then
        ace_log "Running apt-get update ..."
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        _ACE_APT_UPDATED=1
    fi
    ace_log "Installing: $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

# Makes sure PostgreSQL (and pglogical when $1 = pglogical) is present; installs it
# as root, otherwise tells what to install and fails.
ace_ensure_postgres() {
    local want_pglogical=${1:-} missing=()
    ace_pg_bindir >/dev/null || missing+=(postgresql-15)
    if [ "$want_pglogical" = pglogical ] && ! ace_have_pglogical; then
        missing+=(postgresql-15-pglogical)
    fi
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ace_is_root; then
        ace_apt_install "${ACE_PG_PACKAGES[@]}"
    fi
    ace_pg_bindir >/dev/null ||
        ace_die "PostgreSQL server binaries not found (pg_config --bindir). Install postgresql-15: apt-get install postgresql-15"
    if [ "$want_pglogical" = pglogical ] && ! ace_have_pglogical; then
        ace_die "pglogical not found in $(pg_config --pkglibdir)/pglogical.so. Install postgresql-15-pglogical: apt-get install postgresql-15-pglogical"
    fi
}

# psql against one node named in a libpq service file, e.g. service local.n2, the way ACE
# reaches it (TCP, password from the file). Quiet, unaligned, stops at the first error;
# NOTICEs are dropped so callers' output stays parseable.
# Usage: ace_service_psql SERVICEFILE SERVICE [psql args...]
ace_service_psql() {
    local file=$1 service=$2 bindir
    shift 2
    bindir=$(ace_pg_bindir) || ace_die "PostgreSQL client binaries not found (pg_config --bindir)"
    PGSERVICEFILE=$file PGOPTIONS='-c client_min_messages=warning' \
        "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 "service=$service" "$@"
}
