package pipeline

import "gongkai/output"

// joinedList, beside a year's units, keeps the county's Parquet files as
// the last run put them in place (output.JoinedFile): the next run leaves
// a kind's file where it is when its parts come out the same.
func (c *unitCache) joinedList() string { return c.dir + ".joined" }

// keptJoined is the list as kept: with the cache's salt, since the same
// parts joined by another program or configuration need not give the same
// file.
type keptJoined struct {
	Salt  string
	Files []output.JoinedFile
}

// readJoined reads the kept list into knownJoined (none when there is
// none, it cannot be read, or another program kept it).
func (c *unitCache) readJoined() {
	var k keptJoined
	if readCheckedGob(c.joinedList(), &k) && k.Salt == c.salt {
		c.knownJoined = k.Files
	}
}

// keepJoined keeps the files a run put in place; a failure only costs the
// next run the joining of every kind.
func (c *unitCache) keepJoined(files []output.JoinedFile) error {
	return writeCheckedGob(c.joinedList(), keptJoined{Salt: c.salt, Files: files})
}
