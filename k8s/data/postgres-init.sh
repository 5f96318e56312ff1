#!/bin/bash
# Creates one database and one owning login role per service (users, products, orders, payments).
# The postgres image runs this once, on an empty data directory (/docker-entrypoint-initdb.d);
# docker-compose.yml mounts this file and k8s/ ships it in a generated ConfigMap. Passwords come
# from the container environment (USER_DB_PASSWORD, ...), never from this file.
set -euo pipefail

create_database() {
	local name="$1" password_variable="$2"
	local password="${!password_variable:?${password_variable} must be set for the ${name} database}"
	# psql substitutes :"name" and :'password' itself, quoted, so no value reaches SQL unescaped.
	psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
		-v name="${name}" -v password="${password}" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create_database users USER_DB_PASSWORD
create_database products PRODUCT_DB_PASSWORD
create_database orders ORDER_DB_PASSWORD
create_database payments PAYMENT_DB_PASSWORD
