// Package interact holds the Chromium tests that use the example as a
// visitor does: with the keyboard, with reduced motion, with axe-core after
// opening the charts' tables and tooltips, and as a chart embedded in the
// town's main website on another origin. They are a test binary of their
// own, apart from package browser's, so that each stays well inside go
// test's time limit on a busy 2-core machine.
package interact
