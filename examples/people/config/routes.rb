Rails.application.routes.draw do
  resources :people
  # the probes of kube-generate.yaml's healthPath
  get "up" => "rails/health#show", as: :rails_health_check
end
