package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newVoicesCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "voices",
		Short: "List the voice presets --voice can name",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig()
			if err != nil {
				return err
			}
			ps := presetsFor(cfg)
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tBACKEND\tLANGUAGE\tDESCRIPTION")
			for _, n := range ps.Names() {
				p, err := ps.Load(n)
				if err != nil {
					return err
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", p.Name, p.Backend, p.Language, p.Description)
			}
			return tw.Flush()
		},
	}
}
