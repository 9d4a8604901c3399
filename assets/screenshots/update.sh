#!/usr/bin/env bash
# Takes the README's screenshots again from the UI tests (headless) and records the look they were taken with in
# MANIFEST, which ScreenshotAssetsTest checks. Run it after changing a stylesheet or the theme's or icons' version,
# look at each PNG, and commit them with the change.
set -euo pipefail
cd "$(dirname "$0")/../.."
shots=target/screenshots
names="main-light main-dark leak-finder bulk-plan all-keys rotate-dialog"
for name in $names; do rm -f "$shots/$name.png"; done
./mvnw ${MAVEN_OFFLINE:--o} -q test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='ConsoleStartTest#theMainWindowAt1024x700InLightAndDark,IncidentConsoleTest#aLeakedKeyInALogLineIsFoundSwitchedOffFromTheKeyboardAndUndoneFromTheFilter+everyKeyOfTheOrganisationInOneTable,RotateKeyConsoleTest#aProjectKeyRotatedWithAnHourOfGraceKeepsItsOldValueUntilRotatesAtThenOnlyTheNewOneWorks'
for name in $names; do
  [ -f "$shots/$name.png" ] || { echo "update.sh: the UI tests did not save $shots/$name.png" >&2; exit 1; }
  cp "$shots/$name.png" "assets/screenshots/$name.png"
done
java src/test/java/dev/keywarden/assets/ScreenshotManifest.java write
echo "update.sh: screenshots in assets/screenshots updated; look at each before committing."
