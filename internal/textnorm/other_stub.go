package textnorm

func german() *language    { return nil }
func spanish() *language   { return nil }
func russian() *language   { return nil }
func ukrainian() *language { return nil }
