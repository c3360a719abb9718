package homeshopping

import (
	"context"
	"slices"
)

// Channels lists the home-shopping channels.
type Channels struct {
	catalog *Catalog
}

// NewChannels builds the use case.
func NewChannels(catalog *Catalog) Channels { return Channels{catalog: catalog} }

// Handle answers every channel by channel number.
func (h Channels) Handle(ctx context.Context) ([]Channel, error) {
	s, err := h.catalog.get(ctx)
	if err != nil {
		return nil, err
	}
	return slices.Clone(s.channels), nil
}
