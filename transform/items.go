package transform

import (
	"time"

	"gongkai/domain"
)

// itemKey identifies a disclosed item: its normalised title and its day.
type itemKey struct {
	title string
	day   time.Time
}

// itemSet collects distinct disclosed items with the channels each was
// published on ("不同渠道和方式公开相同信息计1条", domain.md §4).
type itemSet struct {
	channels   map[itemKey]map[string]bool
	categories map[itemKey]string
}

func newItemSet() *itemSet {
	return &itemSet{channels: map[itemKey]map[string]bool{}, categories: map[itemKey]string{}}
}

func (s *itemSet) add(title string, day time.Time, channel, category string) {
	s.addKey(itemKey{domain.MatchKey(title), day}, channel, category)
}

func (s *itemSet) addKey(k itemKey, channel, category string) {
	chs := s.channels[k]
	if chs == nil {
		chs = map[string]bool{}
		s.channels[k] = chs
	}
	if channel != "" {
		chs[channel] = true
	}
	if s.categories[k] == "" && category != "" {
		s.categories[k] = category
	}
}

// merge adds every item of o.
func (s *itemSet) merge(o *itemSet) {
	for k, chs := range o.channels {
		s.addKey(k, "", o.categories[k])
		for ch := range chs {
			s.addKey(k, ch, "")
		}
	}
}

// metrics writes active.items, the channel counts and the category counts.
func (s *itemSet) metrics(m domain.Metrics, categories []string) {
	m[domain.MetricActiveItems] = float64(len(s.channels))
	for _, ch := range domain.Channels {
		m[domain.ChannelMetric(ch.ID)] = 0
	}
	for _, c := range categories {
		m[domain.CategoryMetric(c)] = 0
	}
	for k, chs := range s.channels {
		for ch := range chs {
			m[domain.ChannelMetric(ch)]++
		}
		if c := s.categories[k]; c != "" {
			m[domain.CategoryMetric(c)]++
		}
	}
}
