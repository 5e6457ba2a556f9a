print("sdkgen: work in progress")
