package transform

import (
	"math/bits"
	"time"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
)

// itemKey identifies a disclosed item: its normalised title and its day.
type itemKey struct {
	title string
	day   int32 // days since 1970-01-01
}

// item is what is known of one disclosed item: the channels it was
// published on and its category.
type item struct {
	channels uint16   // bit i: domain.Channels[i]
	others   []string // channel ids the configuration adds beyond domain.Channels
	category string
}

// channelBit is the bit of each channel of domain.Channels.
var channelBit = func() map[string]uint16 {
	m := map[string]uint16{}
	for i, ch := range domain.Channels {
		m[ch.ID] = 1 << i
	}
	return m
}()

// itemSet collects distinct disclosed items with the channels each was
// published on ("不同渠道和方式公开相同信息计1条", domain.md §4).
type itemSet struct {
	items map[itemKey]item
}

// newItemSet makes a set for about n items (a map grown item by item
// rehashes every key several times).
func newItemSet(n int) *itemSet {
	return &itemSet{items: make(map[itemKey]item, n)}
}

// month is the month of the item's day.
func (k itemKey) month() time.Month {
	return arrow.Date32(k.day).ToTime().Month()
}

// add adds an item published on a channel ("" for none).
func (s *itemSet) add(k itemKey, channel, category string) {
	it := s.items[k]
	var bit uint16
	var other []string
	if channel != "" {
		if b, ok := channelBit[channel]; ok {
			bit = b
		} else {
			other = []string{channel}
		}
	}
	it.join(bit, other, category)
	s.items[k] = it
}

// join adds channels (bits of channelBit), other channels and a category
// to the item: the first category stays, each other channel once.
func (it *item) join(channels uint16, others []string, category string) {
	it.channels |= channels
	for _, ch := range others {
		if !contains(it.others, ch) {
			it.others = append(it.others, ch)
		}
	}
	if it.category == "" {
		it.category = category
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// merge adds every item of o.
func (s *itemSet) merge(o *itemSet) {
	for k, it := range o.items {
		mine := s.items[k]
		mine.join(it.channels, it.others, it.category)
		s.items[k] = mine
	}
}

// metrics writes active.items, the channel counts and the category counts.
func (s *itemSet) metrics(m domain.Metrics, categories []string) {
	var perChannel [16]int // by bit of channelBit
	others := map[string]int{}
	perCategory := map[string]int{}
	for _, it := range s.items {
		for b := it.channels; b != 0; b &= b - 1 {
			perChannel[bits.TrailingZeros16(b)]++
		}
		for _, ch := range it.others {
			others[ch]++
		}
		if it.category != "" {
			perCategory[it.category]++
		}
	}
	m[domain.MetricActiveItems] = float64(len(s.items))
	for i, ch := range domain.Channels {
		m[domain.ChannelMetric(ch.ID)] = float64(perChannel[i])
	}
	for ch, n := range others {
		m[domain.ChannelMetric(ch)] += float64(n)
	}
	for _, c := range categories {
		m[domain.CategoryMetric(c)] = 0
	}
	for c, n := range perCategory {
		m[domain.CategoryMetric(c)] += float64(n)
	}
}
