#!/usr/bin/env bash
# Rebuilds the generate-rtl lifecycle extension and installs it into the project-local
# repository .mvn/repo that the root pom reads build extensions from.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
mvn -q -B -f "$here/pom.xml" package
mvn -q -B -f "$here/pom.xml" install:install-file \
  -Dfile="$here/target/fineq-lifecycle-1.0.jar" -DpomFile="$here/pom.xml" \
  -DlocalRepositoryPath="$top/.mvn/repo"
rm -f "$top"/.mvn/repo/io/fineq/build/fineq-lifecycle/maven-metadata-local.xml
echo "installed into $top/.mvn/repo"
