/**
 * Integration tests of the built-in templates that run real programs (WireMock, MailDev, Unleash), through the
 * launcher against the real engine: spin, use the program the way an app would, reset, back to the seed, destroy
 * leaves nothing. The images come from {@code .ci/images/real-programs.sh}; a missing image skips its test with
 * an assumption naming the script. {@code DocumentedInterfacesTest} (no engine) checks the manifests of the
 * templates this project's CI cannot run against the ports and health paths their images document.
 */
package dev.asymmetric.it.catalog;
