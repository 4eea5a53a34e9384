package main

// The time zone database goes into the binary. Windows has none where Go
// looks for it, so that without this a town's release binary could not
// load site.toml's time_zone there; elsewhere the system's database is
// still preferred.
import _ "time/tzdata"
