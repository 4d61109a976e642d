// Every module throws the one rule exception and uses its guards (see docs/architecture.md, "One error path").
global using SeoulAiHub.Platform.Errors;
