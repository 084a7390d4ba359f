// Package domain is the shared vocabulary of gongkai: record kinds and their
// field names, the metric ids of the official statistical tables and their
// exact Chinese labels, the configuration (roster, vocabularies, synonyms),
// and Finding with its position.
//
// Every other package imports domain; domain imports no package of gongkai
// and never opens a file other than its own embedded defaults.
package domain
