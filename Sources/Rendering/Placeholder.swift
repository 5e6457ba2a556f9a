// Rendering: work in progress
