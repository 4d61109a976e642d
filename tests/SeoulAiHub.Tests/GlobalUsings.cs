global using SeoulAiHub.Platform.Errors;
