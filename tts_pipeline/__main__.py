from .cli import run

if __name__ == "__main__":  # not again when a worker process imports the main module
    run()
