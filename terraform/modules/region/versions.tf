terraform {
  # Optional object attributes with defaults and cross-object preconditions need 1.5+; 2.x may change the language.
  required_version = ">= 1.5.0, < 2.0.0"

  required_providers {
    heroku = {
      source = "heroku/heroku"
      # 5.x references apps by id (app_id); 6.x may break the resources below.
      version = "~> 5.3"
    }
  }
}
