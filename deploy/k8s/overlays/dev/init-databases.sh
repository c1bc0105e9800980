#!/bin/sh
# dev only, run once by the postgres image on an empty data directory: a login role and a database it owns
# for every service, with the credentials from the service's <service>-db Secret (mounted below
# /etc/kczg/db/<service>/). Each service's Flyway then creates its schema. prod: CloudNativePG roles.
set -eu
for dir in /etc/kczg/db/*/; do
  user=$(cat "$dir/username")
  password=$(cat "$dir/password")
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE ROLE \"$user\" LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE \"$user\" OWNER \"$user\""
done
