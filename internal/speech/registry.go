package speech

import (
	"fmt"
	"slices"
)

// Factory builds a backend from the options of a voice preset.
type Factory interface {
	// Name is the backend's name, as voice presets spell it.
	Name() string
	// New builds the backend. decode fills the backend's own Config from
	// the preset's options; unknown options are an error.
	New(decode func(v any) error) (Synthesizer, error)
}

// Registry holds the backends a program ships, by name.
type Registry struct {
	factories map[string]Factory
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry {
	return &Registry{factories: map[string]Factory{}}
}

// Register adds a backend. Registering a name twice is a programming error.
func (r *Registry) Register(f Factory) {
	if _, dup := r.factories[f.Name()]; dup {
		panic(fmt.Sprintf("speech: backend %q registered twice", f.Name()))
	}
	r.factories[f.Name()] = f
}

// Lookup returns the backend factory with the name.
func (r *Registry) Lookup(name string) (Factory, bool) {
	f, ok := r.factories[name]
	return f, ok
}

// Names lists the registered backends, sorted.
func (r *Registry) Names() []string {
	var names []string
	for n := range r.factories {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// New builds the synthesizer a preset describes.
func (r *Registry) New(p Preset) (Synthesizer, error) {
	f, ok := r.Lookup(p.Backend)
	if !ok {
		return nil, fmt.Errorf("voice %q: unknown backend %q (known: %v)", p.Name, p.Backend, r.Names())
	}
	syn, err := f.New(p.decodeOptions)
	if err != nil {
		return nil, fmt.Errorf("voice %q: %w", p.Name, err)
	}
	return syn, nil
}

// NewFactory is a backend's registry entry: its name, its Config's
// defaults, and how a Config becomes the backend. A preset's options are
// decoded over the defaults, unknown ones refused.
func NewFactory[C any](name string, defaults func() C, build func(C) (Synthesizer, error)) Factory {
	return factory[C]{name: name, defaults: defaults, build: build}
}

type factory[C any] struct {
	name     string
	defaults func() C
	build    func(C) (Synthesizer, error)
}

func (f factory[C]) Name() string { return f.name }

func (f factory[C]) New(decode func(v any) error) (Synthesizer, error) {
	cfg := f.defaults()
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	return f.build(cfg)
}
