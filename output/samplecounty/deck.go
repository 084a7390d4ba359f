package samplecounty

import (
	"math/rand/v2"
	"slices"
)

// deck holds the values the county must show at least once (all 23
// outcomes, all channels, …). Records draw from it now and then; whatever
// is left at the end is added as extra records, so coverage never depends
// on luck.
type deck[T comparable] struct {
	cards []T
}

func newDeck[T comparable](r *rand.Rand, cards []T) *deck[T] {
	d := &deck[T]{cards: slices.Clone(cards)}
	r.Shuffle(len(d.cards), func(i, j int) { d.cards[i], d.cards[j] = d.cards[j], d.cards[i] })
	return d
}

// draw returns the next card with probability p, else random(); a random
// value that is still in the deck is taken out of it.
func (d *deck[T]) draw(r *rand.Rand, p float64, random func() T) T {
	if len(d.cards) > 0 && r.Float64() < p {
		return d.take()
	}
	v := random()
	if i := slices.Index(d.cards, v); i >= 0 {
		d.cards = slices.Delete(d.cards, i, i+1)
	}
	return v
}

// take removes and returns the next card; the deck must not be empty.
func (d *deck[T]) take() T {
	v := d.cards[0]
	d.cards = d.cards[1:]
	return v
}

func (d *deck[T]) empty() bool { return len(d.cards) == 0 }

// weighted returns an index of weights, chosen in proportion to them.
func weighted(r *rand.Rand, weights []int) int {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	n := r.IntN(sum)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// chance is true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// oneOf returns a random element of list.
func oneOf[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }
