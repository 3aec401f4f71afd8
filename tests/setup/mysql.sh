#!/usr/bin/env bash
# An ephemeral MariaDB server for the tests of the operator's SQL path to TiDB (it speaks the same MySQL protocol):
# mariadb-install-db in a temporary directory, a free port on loopback, TLS with a CA, server and client certificates
# made here with openssl, and a user with a password (grant tables on, so a wrong password is refused as on TiDB).
# `mysql.sh start` writes .tmp/mysql.env; `mysql.sh stop` kills the server and removes it all.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
state="$root/.tmp/mysql"
server=/usr/sbin/mariadbd
[ -x "$server" ] || { echo "mysql: FAILED: MariaDB is not installed (run tests/setup/deps.sh)" >&2; exit 1; }
command -v mariadb-install-db >/dev/null 2>&1 || { echo "mysql: FAILED: mariadb-install-db is missing (run tests/setup/deps.sh)" >&2; exit 1; }
command -v openssl >/dev/null 2>&1 || { echo "mysql: FAILED: openssl is missing (run tests/setup/deps.sh)" >&2; exit 1; }

# mariadbd refuses to run as root unless told to; the data directory then belongs to root, which is fine for a
# throwaway server (there is no mysql user on a machine with only mariadb-server-core).
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(--user=root)

# A CA that signs the server and the client certificate, and a second, unrelated CA for the wrong-CA test.
make_certificates() {
  local dir="$1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=segrestore-test-ca" \
    -keyout "$dir/ca-key.pem" -out "$dir/ca.pem" 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=segrestore-other-ca" \
    -keyout "$dir/other-ca-key.pem" -out "$dir/other-ca.pem" 2>/dev/null
  local name
  for name in server client; do
    openssl req -newkey rsa:2048 -nodes -subj "/CN=segrestore-test-$name" \
      -keyout "$dir/$name-key.pem" -out "$dir/$name.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=%s\n' \
      "$([ "$name" = server ] && echo serverAuth || echo clientAuth)" > "$dir/$name.ext"
    openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" -CAcreateserial -days 2 \
      -extfile "$dir/$name.ext" -out "$dir/$name.pem" 2>/dev/null
  done
  rm -f "$dir"/*.csr "$dir"/*.ext "$dir"/*.srl "$dir/other-ca-key.pem"
}

case "${1:-}" in
  start)
    "$0" stop >/dev/null 2>&1 || true
    mkdir -p "$root/.tmp"
    data="$(mktemp -d /tmp/segrestore-mysql.XXXXXX)"
    mkdir -p "$data/tls"
    make_certificates "$data/tls" || { echo "mysql: FAILED: openssl could not make the certificates" >&2; exit 1; }
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
    password="sr-$(openssl rand -hex 12)"
    mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$data/db" --auth-root-authentication-method=socket \
      --skip-test-db >"$data/install.log" 2>&1 \
      || { cat "$data/install.log" >&2; echo "mysql: FAILED: mariadb-install-db" >&2; exit 1; }
    # The init file runs with full privileges at start-up, so no client binary is needed to make the users:
    # segrestore (password, TLS optional) and segrestore_x509 (same password, must present a client certificate).
    cat > "$data/init.sql" <<SQL
CREATE USER IF NOT EXISTS 'segrestore'@'%' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'segrestore'@'%';
CREATE USER IF NOT EXISTS 'segrestore_x509'@'%' IDENTIFIED BY '$password' REQUIRE X509;
GRANT ALL PRIVILEGES ON *.* TO 'segrestore_x509'@'%';
SQL
    "$server" --no-defaults "${as_user[@]}" --datadir="$data/db" --socket="$data/mysqld.sock" \
      --pid-file="$data/mysqld.pid" --log-error="$data/server.log" --bind-address=127.0.0.1 --port="$port" \
      --init-file="$data/init.sql" --skip-name-resolve --innodb-buffer-pool-size=32M --innodb-log-file-size=16M \
      --max-connections=200 --ssl-ca="$data/tls/ca.pem" --ssl-cert="$data/tls/server.pem" \
      --ssl-key="$data/tls/server-key.pem" >/dev/null 2>&1 &
    echo $! > "$data/server.pid"
    mkdir -p "$state"
    echo "$data" > "$state/dir"
    for _ in $(seq 1 120); do
      grep -q "ready for connections" "$data/server.log" 2>/dev/null && break
      kill -0 "$(cat "$data/server.pid")" 2>/dev/null || break
      sleep 0.5
    done
    grep -q "ready for connections" "$data/server.log" 2>/dev/null \
      || { cat "$data/server.log" >&2 || true; echo "mysql: FAILED: mariadbd did not start" >&2; "$0" stop >/dev/null 2>&1 || true; exit 1; }
    {
      echo "SEGRESTORE_TEST_MYSQL_HOST=127.0.0.1"
      echo "SEGRESTORE_TEST_MYSQL_PORT=$port"
      echo "SEGRESTORE_TEST_MYSQL_USER=segrestore"
      echo "SEGRESTORE_TEST_MYSQL_X509_USER=segrestore_x509"
      echo "SEGRESTORE_TEST_MYSQL_PASSWORD=$password"
      echo "SEGRESTORE_TEST_MYSQL_CA=$data/tls/ca.pem"
      echo "SEGRESTORE_TEST_MYSQL_OTHER_CA=$data/tls/other-ca.pem"
      echo "SEGRESTORE_TEST_MYSQL_CLIENT_CERT=$data/tls/client.pem"
      echo "SEGRESTORE_TEST_MYSQL_CLIENT_KEY=$data/tls/client-key.pem"
    } > "$root/.tmp/mysql.env"
    echo "mysql: started on 127.0.0.1:$port ($data)"
    ;;
  stop)
    if [ -f "$state/dir" ]; then
      data="$(cat "$state/dir")"
      if [ -f "$data/server.pid" ]; then
        pid="$(cat "$data/server.pid")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$pid" 2>/dev/null || true
      fi
      rm -rf "$data" "$state" "$root/.tmp/mysql.env"
      echo "mysql: stopped"
    fi
    ;;
  *) echo "usage: mysql.sh start|stop" >&2; exit 2 ;;
esac
