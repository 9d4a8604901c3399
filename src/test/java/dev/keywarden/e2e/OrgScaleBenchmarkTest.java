package dev.keywarden.e2e;

/**
 * Surefire's default includes only pick up classes named {@code *Test}, {@code Test*}, {@code *Tests} or
 * {@code *TestCase}; this puts the small {@link OrgScaleBenchmark} run into the normal suite without
 * touching the build file.
 */
class OrgScaleBenchmarkTest extends OrgScaleBenchmark {
}
