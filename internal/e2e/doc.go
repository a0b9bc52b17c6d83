// Package e2e holds the end-to-end tests of the association's site. They
// build the bundled site as of 2026-11-27, serve it on 127.0.0.1 and look at
// it the way readers do: in headless Chromium (Debian's chromium, driven
// with chromedp) on a desktop and on a 375 px phone, with and without
// JavaScript. Every visited page is also checked with axe-core (WCAG 2.1 A
// and AA; serious and critical findings fail), for console errors and
// uncaught exceptions, and for requests to any host but the test server.
// Every generated HTML file passes the Nu HTML checker (vnu.jar).
//
// The package has only tests. The tools come from `make deps` (Debian's
// chromium, a Java runtime, and `npm ci` in tests/browser for axe-core and
// vnu-jar). Without them the tests skip, saying what is missing; with
// CI=true they fail instead, so CI never passes without running them.
package e2e
