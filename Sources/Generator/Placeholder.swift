// Generator: work in progress
